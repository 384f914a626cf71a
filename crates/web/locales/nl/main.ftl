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

## Accounts
copy-link = Kopieer de link
copy-token = Kopieer de sleutel
copied = Gekopieerd
account-nav-label = Account
nav-organisations = Organisaties
sign-in = Inloggen
sign-out = Uitloggen
actions = Acties
save = Opslaan
rename = Naam wijzigen
field-email = E-mailadres
field-name = Naam
field-password = Wachtwoord
field-new-password = Nieuw wachtwoord
field-password-again = Nieuw wachtwoord nogmaals
field-current-password = Huidig wachtwoord
field-organisation-name = Naam van de organisatie (bestuur)
field-roles = Rollen
field-school = School
field-schools = Scholen
field-school-name = Naam van de school
field-new-school = Nieuwe school
field-token-name = Naam van de sleutel
hint-password = Minstens 12 tekens. Een zin van een paar woorden werkt goed; veelgebruikte wachtwoorden worden geweigerd.
role-admin = beheerder
role-board-member = bestuurder
role-school-leader = schoolleider
role-staff = teamlid
role-coach = coach
setup-title = Leidraad inrichten
setup-lead = Er is nog niemand. Maak de eerste organisatie aan en uw eigen account als beheerder; daarna nodigt u anderen uit.
setup-submit = Organisatie en account aanmaken
forgot-password-link = Wachtwoord vergeten?
forgot-title = Wachtwoord vergeten
forgot-lead = Vul uw e-mailadres in. Als er een account bij hoort, sturen we een link om een nieuw wachtwoord te kiezen. De link werkt één uur en één keer.
forgot-submit = Stuur de link
forgot-sent = Als er een account bij dit adres hoort, is er nu een link onderweg. Kijk ook in uw map met ongewenste mail.
reset-title = Nieuw wachtwoord kiezen
reset-submit = Wachtwoord opslaan
invitation-title = Uitnodiging
invitation-heading = Uitnodiging voor { $organisation }
invitation-lead = U bent uitgenodigd als
invitation-accept = Account aanmaken en meedoen
invitation-join = Meedoen
invitation-existing-account = Er bestaat al een account met dit e-mailadres. Log in met dat account om de uitnodiging aan te nemen.
invitation-link-label = Uitnodiging verstuurd. U kunt deze link ook zelf doorgeven; hij werkt 7 dagen:
invitation-send = Uitnodigen
invitation-revoke = Intrekken
invitation-status = Status
invitation-open-until = open tot { $when }
invitation-accepted-at = aangenomen op { $when }
invitation-revoked-at = ingetrokken op { $when }
invitation-expired-at = verlopen op { $when }
invitations-title = Uitnodigingen
organisations-title = Uw organisaties
organisations-none = U bent (nog) geen lid van een organisatie. Een beheerder kan u uitnodigen.
organisation-eyebrow = Organisatie
organisation-your-roles = Uw rollen:
schools-title = Scholen
schools-none = Nog geen scholen.
school-add = School toevoegen
school-delete = Verwijderen
school-none-chosen = Geen school
members-title = Leden
member-remove = Uit de organisatie verwijderen
audit-log-title = Logboek
audit-when = Tijdstip
audit-event = Gebeurtenis
audit-outcome = Uitkomst
audit-actor = Door
audit-subject = Betreft
audit-detail = Details
outbox-title = Uitgaande mail
outbox-lead = Mail die niet via SMTP kon worden verstuurd, staat als .eml-bestand in { $folder }.
outbox-recipient = Aan
outbox-subject = Onderwerp
outbox-sent = verstuurd
outbox-filed = in de outbox:
outbox-failed = niet verstuurd en niet opgeslagen
outbox-waiting = wacht op verzending
profile-title = Uw profiel
profile-account = Account
profile-password = Wachtwoord wijzigen
profile-password-submit = Wachtwoord wijzigen
profile-sessions = Waar u bent ingelogd
profile-tokens = API-sleutels
profile-tokens-lead = Met een persoonlijke sleutel kan een script namens u de API gebruiken (Authorization: Bearer …). Behandel hem als een wachtwoord.
profile-data = Uw gegevens
profile-data-lead = Download alles wat Leidraad over u bewaart.
session-browser = Browser
session-started = Ingelogd op
session-last-seen = Laatst actief
session-this = deze sessie
session-end = Beëindigen
token-create = Sleutel maken
token-created = Uw nieuwe sleutel. Kopieer hem nu: hij wordt niet meer getoond.
token-created-at = Gemaakt op
token-last-used = Laatst gebruikt
token-revoke = Intrekken
export-json = Alles als JSON
export-memberships = Lidmaatschappen (CSV)
export-sessions = Sessies (CSV)
export-tokens = API-sleutels (CSV)
export-audit = Logboek over u (CSV)
delete-account = Account verwijderen
delete-account-lead = Hiermee verdwijnen uw account, lidmaatschappen, sessies en sleutels definitief. Dit kan niet ongedaan worden gemaakt.
delete-account-submit = Mijn account definitief verwijderen
notice-password-reset = Uw wachtwoord is gewijzigd. Log in met het nieuwe wachtwoord.
notice-signed-out = U bent uitgelogd.
notice-account-deleted = Uw account is verwijderd.
notice-name-saved = Uw naam is opgeslagen.
notice-password-changed = Uw wachtwoord is gewijzigd; uw andere sessies zijn beëindigd.
notice-session-ended = De sessie is beëindigd.
notice-token-revoked = De sleutel is ingetrokken.
notice-school-saved = De school is opgeslagen.
notice-school-deleted = De school is verwijderd.
notice-member-saved = Het lid is bijgewerkt.
notice-member-removed = Het lid is uit de organisatie verwijderd.
notice-invitation-revoked = De uitnodiging is ingetrokken.
notice-organisation-renamed = De naam van de organisatie is gewijzigd.
notice-invitation-sent = Uitnodiging voor { $email } aangemaakt.
mail-invitation-subject = Uitnodiging voor Leidraad van { $organisation }
mail-invitation-body = U bent uitgenodigd om mee te doen in Leidraad bij { $organisation }. Open deze link om uw account aan te maken:
mail-invitation-expiry = De link werkt 7 dagen. Verwachtte u deze uitnodiging niet? Dan kunt u deze mail negeren.
mail-reset-subject = Nieuw wachtwoord voor Leidraad
mail-reset-body = Iemand (hopelijk u) vroeg om een nieuw wachtwoord voor uw Leidraad-account. Kies het via deze link:
mail-reset-expiry = De link werkt één uur en één keer. Vroeg u niets aan? Dan kunt u deze mail negeren; uw wachtwoord blijft zoals het is.
problem-sign-in-throttled = Te veel mislukte pogingen. Probeer het over { $minutes } minuten opnieuw, of vraag een nieuw wachtwoord aan.
problem-sign-in-refused = Dit e-mailadres en wachtwoord horen niet bij elkaar.
problem-unauthorized-title = Niet ingelogd
problem-unauthorized = Log in, of stuur een geldige API-sleutel mee.
problem-forbidden-title = Geen toegang
problem-forbidden = Uw rol in deze organisatie staat dit niet toe.
problem-cross-site-title = Verzoek geweigerd
problem-cross-site = Dit verzoek kwam niet van deze pagina of de pagina is verlopen. Laad de pagina opnieuw en probeer het nog eens.
problem-too-many-attempts-title = Te veel pogingen
problem-too-many-attempts = Te veel pogingen achter elkaar. Wacht even en probeer het opnieuw.
problem-email-taken-title = E-mailadres al in gebruik
problem-email-taken = Er bestaat al een account met dit e-mailadres.
problem-school-name-taken-title = Naam al in gebruik
problem-school-name-taken = Deze organisatie heeft al een school met die naam.
problem-last-admin-title = Laatste beheerder
problem-last-admin = Een organisatie houdt altijd minstens één beheerder. Maak eerst iemand anders beheerder.
problem-invitation-closed-title = Uitnodiging niet meer geldig
problem-invitation-closed = Deze uitnodiging is al gebruikt, ingetrokken of verlopen. Vraag de beheerder om een nieuwe.
problem-reset-link-closed-title = Link niet meer geldig
problem-reset-link-closed = Deze link is al gebruikt of verlopen, of het wachtwoord is intussen gewijzigd. Vraag een nieuwe link aan.
problem-not-a-form-title = Geen formulier
problem-not-a-form = Dit adres verwacht een ingevuld formulier.
problem-role-unknown-title = Onbekende rol
problem-role-unknown = Kies uit beheerder, bestuurder, schoolleider, teamlid en coach.
problem-roles-empty-title = Geen rol gekozen
problem-roles-empty = Kies minstens één rol.
problem-school-unknown-title = Onbekende school
problem-school-unknown = Die school hoort niet bij deze organisatie.
problem-organisation-name-empty = Vul de naam van de organisatie in.
problem-organisation-name-too-long = De naam van de organisatie mag hoogstens 120 tekens zijn.
problem-school-name-empty-title = Naam ontbreekt
problem-school-name-empty = Vul de naam van de school in.
problem-school-name-too-long-title = Naam te lang
problem-school-name-too-long = De naam van de school mag hoogstens 120 tekens zijn.
problem-password-mismatch = De twee nieuwe wachtwoorden zijn niet gelijk.
problem-current-password-wrong = Het huidige wachtwoord klopt niet.
problem-invitation-sign-in-first = Log eerst in met het account van dit e-mailadres.
problem-token-name-empty-title = Naam ontbreekt
problem-token-name-empty = Geef de sleutel een naam, zodat u hem later herkent.
problem-token-name-too-long-title = Naam te lang
problem-token-name-too-long = De naam van een sleutel mag hoogstens 60 tekens zijn.
problem-organisation-name-invalid = De naam van de organisatie bevat tekens die niet in een naam horen, zoals een regeleinde.
problem-school-name-invalid = De naam van de school bevat tekens die niet in een naam horen, zoals een regeleinde.
problem-token-name-invalid = De naam van de sleutel bevat tekens die niet in een naam horen, zoals een regeleinde.
problem-email-empty = Vul een e-mailadres in.
problem-email-invalid = Dit is geen geldig e-mailadres. Controleer of er één @ in staat, zoals naam@school.nl.
problem-email-too-long = Dit e-mailadres is te lang.
problem-email-local-part-empty = Voor de @ ontbreekt iets.
problem-email-local-part-invalid = Het deel voor de @ bevat tekens die niet in een e-mailadres horen.
problem-email-local-part-too-long = Het deel voor de @ is te lang (hoogstens 64 tekens).
problem-email-domain-invalid = Het deel na de @ is geen geldige domeinnaam, zoals school.nl.
problem-email-domain-not-ascii = Schrijf de domeinnaam na de @ zonder accenten of bijzondere tekens.
problem-name-empty = Vul een naam in.
problem-name-invalid = Deze naam bevat tekens die niet in een naam horen.
problem-name-too-long = Deze naam is te lang (hoogstens 100 tekens).
problem-password-too-short = Kies een wachtwoord van minstens 12 tekens. Een zin van een paar woorden werkt goed.
problem-password-too-long = Een wachtwoord mag hoogstens 128 tekens zijn.
problem-password-common = Dit wachtwoord staat op de lijst van veelgebruikte wachtwoorden en is daardoor makkelijk te raden. Kies een ander.
problem-password-like-email = Een wachtwoord mag niet gelijk zijn aan uw e-mailadres.

## Reflections
nav-reflections = Zelfreflectie
autosave-saving = Opslaan…
autosave-saved = Opgeslagen
autosave-failed = Niet opgeslagen: controleer de verbinding. Wat u koos, staat nog op het scherm.
card = Kaart
domain = Domein
previous = Vorige
next = Volgende
pile-nog-niet = nog niet
pile-soms = soms
pile-vaak = vaak
pile-vanzelfsprekend = vanzelfsprekend
pile-kan-niet-beoordelen = kan ik niet beoordelen
pile-unsorted = nog niet gesorteerd
reflections-title = Zelfreflectie
reflections-lead = Leg de kaarten van de beroepsstandaard op vier stapels: nog niet, soms, vaak, vanzelfsprekend. Alles wordt meteen bewaard; u kunt altijd later verder.
reflection-start = Nieuw moment beginnen
reflection-organisation = Organisatie
reflection-domains = Domeinen
reflection-domains-hint = Kies niets voor de hele standaard, of kies de domeinen waarop u nu wilt reflecteren.
reflection-prefill = Begin met de stapels van mijn laatste afgeronde reflectie
reflection-start-submit = Beginnen
reflection-moments = Uw momenten
reflection-none = U hebt nog geen reflectie. Begin hierboven met uw eerste moment.
reflection-started-on = Begonnen op { $date }
reflection-finished-on = afgerond op { $date }
reflection-open = nog open
reflection-continue = Verder sorteren
reflection-compare = Vergelijk twee momenten
reflection-compare-with = met
reflection-compare-submit = Vergelijken
reflection-compare-with-date = Vergelijk met het moment van { $date }
reflection-shared-with-me = Met mij gedeeld
reflection-by = Reflectie van { $name }
reflection-next-steps = Verder
reflection-finish-lead = Klaar? Afronden zet de datum vast en maakt deze reflectie alleen-lezen. Daarna kunt u haar delen en later vergelijken met een nieuw moment.
reflection-finish = Reflectie afronden
sort-title = Kaarten sorteren
sort-to-profile = Naar het profiel
sort-list-view = Per domein als lijst
sort-one-by-one = Kaart voor kaart
sort-progress = Kaart { $position }
sort-sorted = { $count } gesorteerd
sort-piles-legend = Op welke stapel leg ik deze kaart?
sort-keys-hint = Toetsen 1 tot en met 4 kiezen een stapel.
sort-star = wil ik aan werken
sort-note = Waarom? (notitie)
sort-evidence = Bewijs (tekst of link)
sort-pager = Kaarten
sort-done = Naar het profiel
sort-pile = Stapel
own-card = eigen kaart
own-cards = Eigen kaarten
own-cards-left = U kunt hier nog { $count } eigen kaart(en) toevoegen, zoals de lege kaarten van de gedrukte set.
own-card-text = Tekst van uw eigen kaart (‘Ik …’)
own-card-add = Eigen kaart toevoegen
own-card-delete = Verwijderen
profile-reflection-title = Profiel
profile-per-domain = Per domein
profile-radar-title = Radar van de gemiddelde score per domein (1 tot 4); de tabel ernaast geeft dezelfde cijfers.
profile-table-caption = Aantal kaarten per stapel en gemiddelde score per domein
profile-score = Score
profile-spread = Verdeling
profile-strengths = Sterktes (vanzelfsprekend)
profile-growth-points = Groeipunten (nog niet, of met een ster)
profile-none = Nog geen.
profile-all-cards = Alle kaarten
focus-title = Focuskaarten voor het komende jaar
focus-lead = Kies hoogstens drie groeipunten om dit jaar aan te werken: meer dan twee of drie thema's per jaar werkt zelden.
focus-none = Nog geen focuskaarten gekozen. Kies ze bij uw groeipunten.
focus-choose = Kies als focus
focus-remove = Weghalen
share-title = Delen
share-lead = Deze reflectie is van u alleen. U kunt haar delen met een persoon die u noemt, zoals uw bestuurder of coach, en dat altijd weer intrekken.
share-email = E-mailadres van de persoon
share-submit = Delen
share-withdraw = Intrekken
compare-title = Twee momenten vergeleken
compare-domains-caption = Gemiddelde score per domein op beide momenten
compare-change = Verschil
compare-moves = Kaarten die van stapel wisselden
compare-no-moves = Geen kaart wisselde van stapel.
notice-reflection-finished = De reflectie is afgerond.
notice-reflection-shared = De reflectie is gedeeld.
notice-reflection-unshared = Het delen is ingetrokken.
notice-focus-saved = Uw focuskaarten zijn bijgewerkt.
problem-organisation-unknown-title = Onbekende organisatie
problem-organisation-unknown = Kies een organisatie waarvan u lid bent.
problem-pile-invalid-title = Onbekende stapel
problem-pile-invalid = Kies een stapel: 1 nog niet, 2 soms, 3 vaak of 4 vanzelfsprekend.
problem-card-not-in-reflection-title = Kaart hoort hier niet
problem-card-not-in-reflection = Deze kaart hoort niet bij deze reflectie.
problem-text-too-long-title = Tekst te lang
problem-text-too-long = Deze tekst is te lang (hoogstens 2000 tekens; een eigen kaart hoogstens 300).
problem-text-invalid-title = Ongeldige tekst
problem-text-invalid = Deze tekst bevat tekens die hier niet kunnen.
problem-own-card-empty-title = Lege kaart
problem-own-card-empty = Schrijf een tekst op uw eigen kaart.
problem-own-cards-full-title = Geen lege kaarten meer
problem-own-cards-full = Dit domein heeft al vier eigen kaarten, net als de gedrukte set.
problem-domain-unknown-title = Onbekend domein
problem-domain-unknown = Kies domeinen uit de beroepsstandaard.
problem-domain-not-in-reflection-title = Domein hoort hier niet
problem-domain-not-in-reflection = Dit domein hoort niet bij deze reflectie.
problem-framework-unknown-title = Onbekend kader
problem-framework-unknown = Dit kader bestaat niet.
problem-prefill-unknown-title = Eerdere reflectie onbekend
problem-prefill-unknown = U kunt alleen beginnen vanuit een eigen eerdere reflectie op hetzelfde kader.
problem-reflection-finished-title = Reflectie afgerond
problem-reflection-finished = Deze reflectie is afgerond en kan niet meer veranderen. Begin een nieuw moment om verder te gaan.
problem-reflection-not-finished-title = Nog niet afgerond
problem-reflection-not-finished = Rond de reflectie eerst af; daarna kunt u haar delen.
problem-focus-too-many-title = Drie is genoeg
problem-focus-too-many = U hebt al drie focuskaarten. Meer dan twee of drie thema's per jaar werkt zelden: haal er eerst een weg als u een andere wilt kiezen.
problem-focus-not-a-growth-point-title = Geen groeipunt
problem-focus-not-a-growth-point = Kies een focuskaart uit uw groeipunten: kaarten op ‘nog niet’ of met een ster.
problem-focus-already-chosen-title = Al gekozen
problem-focus-already-chosen = Deze kaart is al een focuskaart.
problem-compare-other-framework-title = Niet te vergelijken
problem-compare-other-framework = Deze twee reflecties gaan over verschillende kaders.
problem-share-person-unknown-title = Onbekende persoon
problem-share-person-unknown = Er is geen (andere) Leidraad-gebruiker met dit e-mailadres.
problem-anonymity-threshold-too-low = Een anonimiteitsdrempel is minstens 3: met minder mensen is te herleiden wie wat heeft geantwoord.
problem-anonymity-comments-below-group = De drempel voor opmerkingen kan niet lager zijn dan die voor de groep.
