# De teamscan professionele ruimte.

problem-scan-answer-invalid = Kies een van de antwoorden: helemaal oneens, oneens, eens, helemaal eens of weet ik niet.
problem-scan-threshold-too-low = De drempel van een teamscan is minstens 3: met minder antwoorden is te herleiden wie wat heeft geantwoord. Zonder keuze is hij 5.
problem-scan-statement-unknown = Deze stelling hoort niet bij de teamscan. Laad de vragenlijst opnieuw en probeer het nog eens.
problem-scan-role-unknown = Deze rol hoort niet bij de teamscan. Kies een van de rollen uit de lijst.
problem-scan-open-question-unknown = Deze open vraag hoort niet bij de teamscan. Laad de vragenlijst opnieuw en probeer het nog eens.
problem-scan-open-answer-invalid = Je antwoord op een open vraag mag hoogstens 2000 tekens lang zijn, zonder verborgen stuurtekens.
problem-scan-answered-twice = Je hebt een stelling, rol of open vraag twee keer beantwoord. Geef elk antwoord één keer.
problem-scan-label-invalid = Een titel of teamnaam heeft 1 tot 80 tekens, op één regel.
problem-scan-closed = Deze teamscan neemt geen antwoorden meer aan: hij is gesloten of de sluitingsdatum is voorbij.
problem-scan-already-answered = Via deze link is al geantwoord. Een link geeft één antwoord.
problem-scan-text-changed = Deze tekst is intussen ergens anders gewijzigd. Bekijk beide versies en kies wat je wilt bewaren.
problem-scan-released = De resultaten van deze teamscan zijn al vrijgegeven.
problem-scan-too-few-responses = Er hebben nog te weinig mensen geantwoord: onder de drempel laten de resultaten niets zien. Wacht tot de drempel gehaald is.
problem-scan-threshold-invalid = Vul de drempel in als een heel getal, 3 of meer.
problem-scan-school-unknown = Kies een school van de organisatie.
problem-scan-teams-too-many = Een teamscan kan in hoogstens 12 teams verdeeld worden.
problem-scan-team-twice = Elk team heeft een eigen naam: een naam komt één keer voor.
problem-scan-teams-one-school = Teams kun je alleen maken in een teamscan van één school.
problem-scan-email-invalid = Vul e-mailadressen in, één per regel (of gescheiden door komma's). Een van de regels is geen e-mailadres.
problem-scan-invitations-too-many = Stuur hoogstens 500 uitnodigingen tegelijk.
problem-scan-response-empty = Beantwoord minstens één stelling voordat je inlevert.
problem-scan-unit-unknown = Kies een school of team van deze teamscan.
problem-scan-role-answer-invalid = Kies bij een rol: nee, doe ik nu, zou ik willen, of doe ik en wil ik blijven doen.
problem-scan-no-gaps = Er zijn geen verschillen tussen je inschatting en het team om over in gesprek te gaan: vul je inschatting in voordat je de resultaten vrijgeeft.
problem-scan-not-released = De resultaten zijn er pas als je de teamscan vrijgeeft.
problem-scan-board-estimate-closed = Je inschatting staat vast: de schoolleider heeft de teamscan gesloten om de resultaten vrij te geven.

nav-scans = Teamscan

## De eigen teamscans van een leidinggevende
scan-list-title = Teamscan professionele ruimte
scan-list-lead = Hoeveel ruimte ervaren leraren om hun werk mee vorm te geven, alleen en samen? En hoe schat jij dat in? De teamscan opent het gesprek in je school: anoniem, met je eigen inschatting ernaast.
scan-own = Jouw teamscans
scan-line-facts = { $answered ->
    [one] 1 antwoord
   *[other] { $answered } antwoorden
} · sluit { $date }
scan-state-open = Loopt
scan-state-gesloten = Gesloten
scan-state-vrijgegeven = Vrijgegeven
scan-not-for-your-role = Een teamscan start je als schoolleider voor je eigen school, of als bestuurder voor scholen van je organisatie.
scan-start = Een teamscan starten
scan-start-lead = Je krijgt een link met QR-code voor de teamkamer, en je kunt persoonlijke links mailen. Antwoorden zijn anoniem: je ziet alleen hoeveel mensen geantwoord hebben.
scan-start-for = Voor { $school }.
scan-schools = Scholen
scan-schools-hint = Kies de school waarvoor je de teamscan start.
scan-schools-hint-board = Kies één school, of meerdere voor één teamscan over die scholen: je ziet dan ook per school de resultaten, waar genoeg mensen geantwoord hebben.
scan-title-label = Titel
scan-title-default = Teamscan professionele ruimte
scan-teams-label = Teams (niet verplicht)
scan-teams-hint = Eén team per regel, bijvoorbeeld onderbouw en bovenbouw. Elk team krijgt een eigen link; per team zie je resultaten alleen als dat team én de rest van de school genoeg antwoorden hebben.
scan-closes-on = Antwoorden kan tot en met
scan-threshold-label = Drempel
scan-threshold-hint = Je ziet pas resultaten als minstens zoveel mensen geantwoord hebben. Standaard 5, nooit minder dan 3.
scan-start-submit = Teamscan starten

## Het overzicht van een lopende teamscan
scan-closes = Antwoorden kan tot en met { $date }.
scan-progress = Hoeveel mensen hebben geantwoord
scan-answered-of-threshold = { $answered ->
    [one] 1 antwoord
   *[other] { $answered } antwoorden
}; de drempel is { $threshold }.
scan-progress-never-who = Je ziet hoeveel mensen geantwoord hebben, nooit wie.
scan-release = Resultaten vrijgeven
scan-release-hint = Vrijgeven sluit de teamscan: daarna kan niemand meer antwoorden. De resultaten worden één keer berekend en bewaard; de losse antwoorden worden gewist.
scan-below-threshold = Nog niets te zien: onder de drempel van { $threshold } antwoorden laten de resultaten niets zien, zodat niemand te herkennen is.
scan-estimate-title = Jouw inschatting
scan-estimate-lead = Beantwoord dezelfde stellingen zoals jij denkt dat je team ze beantwoordt. De grootste verschillen tussen jouw inschatting en het team zijn de beste gespreksstarters.
scan-estimated-of = { $done } van { $total } stellingen ingeschat
scan-estimate-start = Inschatting geven
scan-estimate-continue = Inschatting verder invullen
scan-estimate-page-lead = Hoe denk je dat je team elke stelling beantwoordt? Kies per stelling het antwoord dat je van je team verwacht.
scan-estimate-closed = De resultaten zijn vrijgegeven: je inschatting staat vast.
scan-estimate-save = Inschatting bewaren
scan-autosave-hint = Elk antwoord wordt meteen bewaard. Je kunt stoppen en later verdergaan.
scan-share-title = Delen
scan-share-lead = Hang de QR-code op in de teamkamer of zet de link in een bericht aan je team. Een browser die geantwoord heeft, kan via deze link niet nog eens antwoorden.
scan-share-link = Link voor het team
scan-share-replace = Nieuwe link maken
scan-link-replaced = Er is een nieuwe link gemaakt; de oude werkt niet meer. Wie al begonnen was, houdt zijn antwoorden.
scan-invite-title = Persoonlijke links mailen
scan-invite-lead = Iedereen krijgt een eigen link die één keer antwoordt. Antwoorden worden niet aan namen of adressen gekoppeld.
scan-invite-unit = School of team
scan-invite-addresses = E-mailadressen
scan-invite-hint = Eén adres per regel, of gescheiden door komma's. Een adres dat al een link kreeg, wordt overgeslagen.
scan-invite-submit = Links mailen
scan-invited = { $count ->
    [one] 1 persoonlijke link gemaild.
   *[other] { $count } persoonlijke links gemaild.
}
scan-invited-count = { $count ->
    [one] 1 adres uitgenodigd
   *[other] { $count } adressen uitgenodigd
}
scan-delete-title = Verwijderen
scan-delete-open = Deze teamscan verwijderen
scan-delete-lead = Alles van deze teamscan wordt gewist: links, antwoorden, je inschatting en de resultaten. Dit kan niet ongedaan gemaakt worden.
scan-delete-submit = Definitief verwijderen

## Resultaten
scan-results-lead = { $respondents ->
    [one] 1 persoon heeft geantwoord
   *[other] { $respondents } mensen hebben geantwoord
}; vrijgegeven op { $date }.
scan-export-csv = CSV (Excel)
scan-export-xlsx = Excel-werkmap
scan-export-json = JSON
scan-nothing-yet = Nog geen resultaten
scan-nothing-yet-lead = De resultaten verschijnen als je ze vrijgeeft, en alleen als de drempel gehaald is.
scan-back-to-overview = Terug naar de teamscan
scan-room-1 = weinig ruimte
scan-room-2 = wat ruimte
scan-room-3 = redelijk veel ruimte
scan-room-4 = veel ruimte
scan-room-explained = Alle cijfers gaan over ruimte, van 1 (weinig) tot 4 (veel). Bij een stelling waar eens zijn minder ruimte betekent, telt "helemaal eens" als weinig ruimte. "Weet ik niet" telt in geen gemiddelde.
scan-gaps-title = Waar jij en je team het meest verschillen
scan-gaps-lead = Jouw inschatting naast wat het team ervaart, grootste verschil eerst. Dit zijn de gespreksstarters.
scan-gap-figures = Jouw inschatting { $estimate }, het team { $team }
scan-gap-over = je schat { $gap } hoger in
scan-gap-under = je schat { $gap } lager in
scan-dialogue-start = Start een dialoog over deze stellingen
scan-dialogue-hint = Een live dialoog met de stellingen van de grootste verschillen als kaarten. Je team doet mee op de telefoon.
scan-dialogue-title = Gesprek: { $title }
scan-sections-title = Per onderdeel
scan-mean = gemiddeld { $mean }
scan-spread-label = Aantal antwoorden van weinig naar veel ruimte
scan-dont-know-count = { $count }× weet ik niet
scan-statement-too-few = Te weinig antwoorden om te tonen.
scan-killers-title = Wat ruimte wegneemt
scan-killers-lead = De ruimtekillers uit de tekst, met het meeste gewicht eerst: hoe lager het cijfer, hoe meer ruimte het volgens je team wegneemt.
scan-helpers-title = Wat ruimte geeft
scan-helpers-lead = De ruimtehelpers uit de tekst, de sterkste eerst.
scan-roles-title = Rollen
scan-roles-lead = Hoeveel mensen een rol nu vervullen, en hoeveel dat zouden willen: daar ligt ruimte om te geven.
scan-role = Rol
scan-role-now = Doet dit nu
scan-role-would-like = Zou dit willen
scan-other-roles = Andere rollen die genoemd zijn
scan-open-title = Open antwoorden
scan-open-lead = In een vaste volgorde die niets zegt over wie wanneer antwoordde.
scan-subgroups-title = Per school of team
scan-subgroups-lead = Alleen waar die groep én de rest genoeg antwoorden hebben, zodat geen groep terug te rekenen is.
scan-subgroup-respondents = { $count ->
    [one] 1 antwoord
   *[other] { $count } antwoorden
}
scan-subgroup-hidden = Te weinig antwoorden om apart te tonen.
scan-changes-title = Vergeleken met de vorige keer
scan-changes-lead = Hoe de gemiddelden veranderden sinds "{ $earlier }".
scan-changes-most = De tien stellingen die het meest veranderden; wat gelijk bleef, staat er niet bij.
scan-change-up = { $change } meer ruimte
scan-change-down = { $change } minder ruimte
scan-export-statements = Stellingen
scan-export-section = Onderdeel
scan-export-statement = Stelling
scan-export-dont-know = Weet ik niet
scan-export-mean = Gemiddelde
scan-export-estimate = Inschatting
scan-export-gap = Verschil
scan-export-elements = Killers en helpers
scan-export-kind = Soort
scan-export-killer = Killer
scan-export-helper = Helper
scan-export-element = Onderdeel van de tekst
scan-export-question = Vraag
scan-export-answer = Antwoord
scan-export-unit = School of team
scan-export-respondents = Antwoorden

## De inschatting van een bestuurder
scan-board-title = Teamscans in je organisatie
scan-board-lead = Als bestuurder kun je bij de teamscan van een schoolleider je eigen inschatting geven: hoe denk jij dat dat team de stellingen beantwoordt? Bij het vrijgeven ziet de schoolleider jouw inschatting naast het beeld van het team. Wie wat antwoordde, zie je niet: je ziet alleen hoeveel mensen geantwoord hebben.
scan-board-estimate-title = Jouw inschatting: { $title }
scan-board-estimate-lead = { $leader } houdt deze teamscan met het team van { $schools }. Hoe denk jij dat dat team elke stelling beantwoordt? Kies per stelling het antwoord dat je van het team verwacht.
scan-board-estimate-privacy = Als de resultaten vrijgegeven worden, ziet { $leader } jouw inschatting met je naam naast het beeld van het team, apart van de eigen inschatting. Tot dan kun je alles aanpassen.
scan-board-estimate-closing = De teamscan is gesloten en { $leader } geeft de resultaten vrij: je inschatting staat vast.
scan-board-estimate-closed = De resultaten zijn vrijgegeven: { $leader } ziet jouw inschatting nu naast het beeld van het team. Je inschatting staat vast.
scan-board-estimate-none = De resultaten zijn vrijgegeven. Je hebt voor deze teamscan geen inschatting gegeven, dus { $leader } ziet er geen van jou.
scan-board-gaps-title = Inschatting van { $name } (bestuur) naast het beeld van het team
scan-board-gaps-lead = Hoe { $name } als bestuurder dacht dat het team zou antwoorden, naast wat het team ervaart. Grootste verschil eerst.
scan-board-gap-figures = Inschatting { $estimate }, het team { $team }
scan-board-gap-over = { $gap } hoger ingeschat
scan-board-gap-under = { $gap } lager ingeschat
scan-export-board-estimate = Inschatting { $name }
scan-export-board-gap = Verschil { $name }

## De vragenlijst
scan-eyebrow = Teamscan professionele ruimte
scan-asked-by = { $owner } vraagt je mee te doen
scan-intro = Hoeveel ruimte ervaar jij om je werk mee vorm te geven: de doelen, de manier van werken, je collega's? Lees elke stelling en kies wat het best bij jouw ervaring past. Het duurt ongeveer een kwartier.
scan-answering-for = Je antwoordt voor: { $unit }.
scan-answer-until = Je kunt antwoorden tot en met { $date }.
scan-promise-title = Wat er met je antwoorden gebeurt
scan-promise-threshold = { $owner } ziet alleen resultaten van de hele groep, en pas als minstens { $threshold } mensen geantwoord hebben. Per school of team alleen waar die groep én de rest allebei minstens zoveel antwoorden hebben.
scan-promise-count = Zolang de scan loopt, ziet { $owner } alleen hoeveel mensen geantwoord hebben, nooit wie.
scan-promise-nothing-kept = Je naam, je e-mailadres, je IP-adres, je apparaat en het tijdstip worden niet bij je antwoorden bewaard.
scan-promise-open = Je open antwoorden staan los van de rest, in een volgorde die niets zegt over wie wanneer antwoordde. Schrijf er geen namen in als je niet herkend wilt worden.
scan-promise-once = Je kunt één keer inleveren. Tot dan wordt alles bewaard en kun je later verdergaan.
scan-start-over-lead = Niet jij? Op een gedeelde computer zie je misschien de antwoorden van een collega die nog niet ingeleverd heeft. Opnieuw beginnen wist de antwoorden die in deze browser klaarstaan.
scan-start-over = Opnieuw beginnen
scan-roles-form-title = Rollen die je kunt hebben
scan-roles-form-lead = Leraren kunnen naast lesgeven een rol in de school hebben. Geef per rol aan of je die nu vervult, of dat je dat zou willen.
scan-role-answer-nee = Nee
scan-role-answer-nu = Doe ik nu
scan-role-answer-willen = Zou ik willen
scan-role-answer-beide = Doe ik en wil ik blijven doen
scan-other-role-label = Een andere rol die je nu hebt of zou willen (niet verplicht)
scan-open-form-title = In je eigen woorden
scan-open-form-hint = Niet verplicht. Hoogstens 2000 tekens per antwoord.
scan-submit-title = Inleveren
scan-submit-lead = Na het inleveren kun je je antwoorden niet meer wijzigen, en kan deze browser niet nog eens antwoorden.
scan-submit = Inleveren
scan-save = Bewaren en later verder
scan-saved-notice = Je antwoorden zijn bewaard. Je kunt later verdergaan via dezelfde link.
scan-thanks-title = Dank je wel
scan-thanks-text = Je antwoorden zijn ingeleverd. { $owner } ziet ze alleen samen met die van anderen.
scan-thanks-unlinked = Je antwoorden zijn losgemaakt van je link: niemand kan nagaan welke antwoorden van jou zijn.
scan-thanks-once = Via deze link en in deze browser kun je niet nog eens antwoorden.
scan-closed-title = Deze teamscan is gesloten
scan-closed-text = Je kunt niet meer antwoorden: de sluitingsdatum is voorbij of de resultaten zijn vrijgegeven.
scan-lost-title = Deze link werkt niet (meer)
scan-lost-text = Open de link uit je mail of scan de QR-code opnieuw. Werkt dat niet, vraag dan om een nieuwe link.

## De uitnodiging per mail
mail-scan-subject = { $name } vraagt je mee te doen aan de teamscan professionele ruimte
mail-scan-body = { $name } vraagt je een vragenlijst in te vullen over de ruimte die je ervaart om je werk mee vorm te geven. Het duurt ongeveer een kwartier. Open je persoonlijke link:
mail-scan-closes = Je kunt antwoorden tot en met { $date }. Je antwoorden worden onderweg bewaard.
mail-scan-anonymity = Je antwoorden zijn anoniem: { $name } ziet alleen resultaten van groepen, pas als genoeg mensen geantwoord hebben, en nooit met je naam. Deze link is persoonlijk: stuur hem niet door.
