## Layout
site-description = Leidraad: de beroepsstandaard voor schoolleiders als levend instrument – bladeren, zoeken, in dialoog gaan en afdrukken.
skip-to-content = Naar de inhoud
brand-home = Leidraad, naar de startpagina
nav-label = Hoofdmenu
nav-standard = Beroepsstandaard
nav-dialogue = Dialoogkaarten
nav-print = Afdrukken
search-label = Zoek in alle kaarten
search-placeholder = Zoek een kaart…
search-quick-label = Snel zoeken
search-button = Zoeken
language-switch-label = Taal:
footer-text = Leidraad – de beroepsstandaard voor schoolleiders, als instrument om samen te leren. Open source.
breadcrumbs = Kruimelpad
pager-label = Vorige en volgende kaart
pager-previous = Vorige
pager-next = Volgende
translation-label = In het Engels:
version = versie

## Counts
domain-count = { $count ->
    [one] 1 domein
   *[other] { $count } domeinen
}
card-count = { $count ->
    [one] 1 kaart
   *[other] { $count } kaarten
}
dialogue-card-count = { $count ->
    [one] 1 dialoogkaart
   *[other] { $count } dialoogkaarten
}

## Home
home-title = Welkom
home-heading = De beroepsstandaard als levend instrument
home-lead = Leidraad maakt de beroepsstandaard voor schoolleiders bruikbaar in het dagelijks werk: lees de vijf leiderschapspraktijken en vier persoonlijke kwaliteiten, zoek een kaart, trek een dialoogkaart voor je team of intervisiegroep en druk de hele set af.
home-open-standard = Bekijk de beroepsstandaard
home-open-dialogue = Trek een dialoogkaart
home-what = Wat je hier kunt doen
home-tile-standard = De beroepsstandaard
home-tile-standard-text = { $practices ->
    [one] 1 leiderschapspraktijk
   *[other] { $practices } leiderschapspraktijken
}
home-tile-standard-qualities = en { $qualities ->
    [one] 1 persoonlijke kwaliteit,
   *[other] { $qualities } persoonlijke kwaliteiten,
}
home-tile-standard-cards = beschreven in { $count } ‘Ik …’-kaarten.
home-tile-dialogue = Dialoogkaarten
home-tile-dialogue-text = { $count } vragen om met collega’s het gesprek over je vak te voeren. Trek er een en begin.
home-tile-search = Zoeken
home-tile-search-text = Vind elke kaart op een woord, in het Nederlands of Engels; hoofdletters en accenten maken niet uit.
home-tile-print = Afdrukken
home-tile-print-text = De hele set als A4-kaartvellen, met lege kaarten voor eigen uitspraken: klaar om uit te knippen.
home-why-heading = Waarom Leidraad
home-why-text = Schoolleiders groeien in hun vak door te reflecteren, feedback te vragen en het gesprek aan te gaan. De beroepsstandaard geeft daarvoor de taal. Leidraad brengt die taal van de papieren kaartenset naar een instrument dat je het hele jaar gebruikt, alleen of met je team.
home-api = Voor ontwikkelaars: de API (OpenAPI)
home-signed-in = Welkom terug, { $name }.
home-signed-in-text = Op Mijn Leidraad zie je waar je mee bezig bent en wat je nu kunt doen.
home-to-start = Naar Mijn Leidraad

## Frameworks and the standard
frameworks-title = Kaders
toc-title = Inhoud
kind-practices = Leiderschapspraktijken
kind-qualities = Persoonlijke kwaliteiten

## Card
card-number = Kaart { $number }
card-position = Kaart { $number }
card-of = van { $count }
card-domain-others = Alle kaarten van

## Dialogue cards
dialogue-cards = Dialoogkaarten
dialogue-card = Dialoogkaart
dialogue-lead = Vragen die het gesprek over het vak van schoolleider openen, in je team, je intervisiegroep of met je coach. Trek een kaart of kies er zelf een.
dialogue-draw = Trek een kaart
dialogue-draw-again = Trek een andere kaart
dialogue-number = Dialoogkaart { $number }

## Search
search-title = Zoeken
search-hint = Zoekt in alle kaarten en dialoogkaarten, in het Nederlands en het Engels. Hoofdletters en accenten maken niet uit: ‘creeer’ vindt ‘creëer’.
search-result-count = { $count ->
    [0] Geen kaarten gevonden
    [one] 1 kaart gevonden
   *[other] { $count } kaarten gevonden
}
search-nothing = Probeer een ander of korter woord, of zoek in het Engels.
search-found-in-other = Gevonden in de Engelse tekst:
search-empty = Typ een woord om te zoeken.

## Print
print-title = Kaartenset afdrukken
print-lead = De hele set als A4-vellen met acht kaarten per vel. Druk af op stevig papier, op ware grootte, en knip langs de stippellijnen.
print-blank-count = { $count ->
    [one] 1 lege kaart
   *[other] { $count } lege kaarten
}
print-sheet-count = { $count ->
    [one] 1 vel
   *[other] { $count } vellen
}
print-sheet = Vel { $number }
print-button = Afdrukken
print-without-blanks = Zonder lege kaarten
print-with-blanks = Met lege kaarten
print-back = Terug naar de beroepsstandaard
print-hint = Tip: kies in het afdrukvenster ‘Ware grootte’ (100%) en zet kop- en voetteksten uit.
print-blank-card = Ik …

## Errors
error-eyebrow = Foutcode
error-home = Naar de startpagina
error-search = Zoek een kaart
problem-bad-request-title = Dit verzoek klopt niet
problem-bad-request = Wat er is verstuurd, kunnen we niet gebruiken. Er is niets veranderd.
problem-not-found-title = Pagina niet gevonden
problem-not-found = Deze pagina bestaat niet (meer). Misschien is het adres verkeerd overgenomen.
problem-method-not-allowed-title = Dat kan hier niet
problem-method-not-allowed = Dit adres ondersteunt deze handeling niet. Er is niets veranderd.
problem-timeout-title = Dit duurde te lang
problem-timeout = Het antwoord bleef te lang uit. Probeer het zo nog eens.
problem-too-large-title = Te veel gegevens
problem-too-large = Wat er is verstuurd, is te groot. Er is niets veranderd.
problem-unsupported-media-type-title = Onbekend formaat
problem-unsupported-media-type = Dit formaat kunnen we niet lezen. Er is niets veranderd.
problem-internal-title = Er ging iets mis
problem-internal = Er ging bij ons iets mis. Er is niets verloren; probeer het zo nog eens.
problem-query-too-long-title = Zoekvraag te lang
problem-query-too-long = Je zoekvraag is langer dan 200 tekens. Maak hem korter en probeer het opnieuw.
problem-query-too-many-terms-title = Te veel zoekwoorden
problem-query-too-many-terms = Gebruik hoogstens 12 woorden in je zoekvraag.
problem-unknown-language-title = Onbekende taal
problem-unknown-language = Kies Nederlands (nl) of Engels (en).
problem-bad-return-path-title = Ongeldig adres
problem-bad-return-path = Na het wisselen van taal kunnen we alleen terug naar een pagina van Leidraad.


## The anonymity rules (360° feedback, team scan)
problem-anonymity-threshold-too-low = Een anonimiteitsdrempel is minstens 3: met minder mensen is te herleiden wie wat heeft geantwoord.
problem-anonymity-comments-below-group = De drempel voor opmerkingen kan niet lager zijn dan die voor de groep.
# The button that opens the site menu on a phone.
menu-button = Menu
