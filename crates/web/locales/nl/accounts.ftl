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
setup-lead = Er is nog niemand. Maak de eerste organisatie aan en je eigen account als beheerder; daarna nodig je anderen uit.
setup-submit = Organisatie en account aanmaken
forgot-password-link = Wachtwoord vergeten?
forgot-title = Wachtwoord vergeten
forgot-lead = Vul je e-mailadres in. Als er een account bij hoort, sturen we je een link om een nieuw wachtwoord te kiezen. De link werkt één uur en één keer.
forgot-submit = Stuur de link
forgot-sent = Als er een account bij dit adres hoort, is er nu een link onderweg. Kijk ook in je map met ongewenste mail.
reset-title = Nieuw wachtwoord kiezen
reset-submit = Wachtwoord opslaan
invitation-title = Uitnodiging
invitation-heading = Uitnodiging voor { $organisation }
invitation-lead = Je bent uitgenodigd als
invitation-accept = Account aanmaken en meedoen
invitation-join = Meedoen
invitation-existing-account = Er bestaat al een account met dit e-mailadres. Log in met dat account om de uitnodiging aan te nemen.
invitation-link-label = Uitnodiging verstuurd. Je kunt deze link ook zelf doorgeven; hij werkt 7 dagen:
invitation-send = Uitnodigen
invitation-revoke = Intrekken
invitation-status = Status
invitation-open-until = open tot { $when }
invitation-accepted-at = aangenomen op { $when }
invitation-revoked-at = ingetrokken op { $when }
invitation-expired-at = verlopen op { $when }
invitations-title = Uitnodigingen
organisations-title = Jouw organisaties
organisations-none = Je bent (nog) geen lid van een organisatie. Een beheerder kan je uitnodigen.
organisation-eyebrow = Organisatie
organisation-your-roles = Jouw rollen:
schools-title = Scholen
schools-none = Nog geen scholen.
school-add = School toevoegen
school-delete = Verwijderen…
school-none-chosen = Geen school
members-title = Leden
member-remove-lead = Wie je uit { $organisation } haalt, heeft daar geen rollen en scholen meer en ziet de organisatie niet meer. Het account en de eigen zelfreflecties blijven bestaan.
member-remove-confirm = Ja, haal { $name } uit de organisatie
member-remove = Uit de organisatie verwijderen
audit-log-title = Logboek
audit-when = Tijdstip
audit-event = Gebeurtenis
audit-outcome = Uitkomst
audit-actor = Door
audit-subject = Betreft
audit-detail = Details
outbox-title = Uitgaande mail
outbox-lead = Alle mail die Leidraad namens deze organisatie verstuurde, zoals uitnodigingen en links voor een nieuw wachtwoord. De inhoud staat hier niet: een link is alleen voor wie hem krijgt.
outbox-folder-question = Waar blijft mail die niet verstuurd kon worden?
outbox-folder-answer = Is er geen mailserver ingesteld, of weigert die een bericht, dan bewaart Leidraad het bericht als bestand op de server, in deze map. Wie de server beheert, kan het daar vinden en alsnog doorsturen.
outbox-file = bestand
outbox-empty = Er is nog geen mail verstuurd.
outbox-recipient = Aan
outbox-subject = Onderwerp
outbox-sent = verstuurd
outbox-filed = niet verstuurd, als bestand bewaard
outbox-failed = niet verstuurd en niet opgeslagen
outbox-waiting = wacht op verzending
account-title = Mijn account
account-details = Je gegevens
account-password = Wachtwoord wijzigen
account-password-submit = Wachtwoord wijzigen
account-sessions = Waar je bent ingelogd
account-tokens = API-sleutels
account-tokens-lead = Met een persoonlijke sleutel kan een script namens jou de API gebruiken (Authorization: Bearer …). Behandel hem als een wachtwoord.
account-data = Je gegevens downloaden
account-data-lead = Download alles wat Leidraad over jou bewaart.
session-browser = Browser
session-started = Ingelogd op
session-last-seen = Laatst actief
session-this = deze sessie
session-end = Beëindigen
token-create = Sleutel maken
token-created = Je nieuwe sleutel. Kopieer hem nu: hij wordt niet meer getoond.
token-created-at = Gemaakt op
token-last-used = Laatst gebruikt
token-revoke = Intrekken
export-json = Alles als JSON
export-memberships = Lidmaatschappen (CSV)
export-sessions = Sessies (CSV)
export-tokens = API-sleutels (CSV)
export-audit = Logboek over jou (CSV)
delete-account = Account verwijderen
delete-account-lead = Je account verdwijnt dan definitief, met je lidmaatschappen, reflecties, sessies en sleutels. Op de volgende pagina zie je precies wat er verdwijnt, voordat je bevestigt.
notice-password-reset = Je wachtwoord is gewijzigd. Log in met je nieuwe wachtwoord.
notice-signed-out = Je bent uitgelogd.
notice-account-deleted = Je account is verwijderd.
notice-name-saved = Je naam is opgeslagen.
notice-password-changed = Je wachtwoord is gewijzigd; je bent overal elders uitgelogd.
notice-other-session-ended = De sessie is beëindigd.
notice-token-revoked = De sleutel is ingetrokken.
notice-school-saved = De school is opgeslagen.
notice-school-deleted = De school is verwijderd.
notice-member-saved = Het lid is bijgewerkt.
notice-member-removed = Het lid is uit de organisatie verwijderd.
notice-invitation-revoked = De uitnodiging is ingetrokken.
notice-organisation-renamed = De naam van de organisatie is gewijzigd.
notice-invitation-sent = Uitnodiging voor { $email } aangemaakt.
mail-invitation-subject = Uitnodiging voor Leidraad van { $organisation }
mail-invitation-body = Je bent uitgenodigd om mee te doen in Leidraad bij { $organisation }. Open deze link om je account aan te maken:
mail-invitation-expiry = De link werkt 7 dagen. Verwachtte je deze uitnodiging niet? Dan kun je deze mail negeren.
mail-reset-subject = Nieuw wachtwoord voor Leidraad
mail-reset-body = Iemand (hopelijk jij) vroeg om een nieuw wachtwoord voor je Leidraad-account. Kies het via deze link:
mail-reset-expiry = De link werkt één uur en één keer. Vroeg je niets aan? Dan kun je deze mail negeren; je wachtwoord blijft zoals het is.
problem-sign-in-throttled = Te veel mislukte pogingen. Probeer het over { $minutes } minuten opnieuw, of vraag een nieuw wachtwoord aan.
problem-sign-in-refused = Dit e-mailadres en wachtwoord horen niet bij elkaar.
problem-unauthorized-title = Niet ingelogd
problem-unauthorized = Log in, of stuur een geldige API-sleutel mee.
problem-forbidden-title = Geen toegang
problem-forbidden = Je rol in deze organisatie staat dit niet toe.
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
problem-invitation-closed = Deze uitnodiging is al gebruikt, ingetrokken of verlopen. Vraag wie je uitnodigde om een nieuwe.
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
problem-token-name-empty = Geef de sleutel een naam, zodat je hem later herkent.
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
problem-password-like-email = Een wachtwoord mag niet gelijk zijn aan je e-mailadres.

## Deleting one's account: first "are you sure?"
delete-account-start = Account verwijderen…
delete-account-title = Weet je het zeker?
delete-account-losses = Dit verdwijnt voorgoed
delete-loses-account = je account { $email }, met je naam en wachtwoord
delete-loses-memberships = je lidmaatschap van { $organisations }
delete-loses-reflections = { $count ->
    [0] geen zelfreflecties (je hebt er nog geen)
    [one] je zelfreflectie, met je aantekeningen en focuskaarten
   *[other] je { $count } zelfreflecties, met je aantekeningen en focuskaarten
}
delete-loses-shares = { $count ->
    [one] wat je deelde: wie je reflectie kon lezen, kan dat niet meer
   *[other] wat je deelde: wie je { $count } gedeelde reflecties kon lezen, kan dat niet meer
}
delete-loses-tokens = { $count ->
    [0] geen API-sleutels
    [one] je API-sleutel
   *[other] je { $count } API-sleutels
}
delete-loses-sessions = je sessies: je wordt overal uitgelogd
delete-account-kept = Wat anderen met je deelden, kun je daarna niet meer lezen. Het logboek van je organisatie houdt zijn gebeurtenissen, zonder je naam.
delete-account-final = Dit kun je niet ongedaan maken. Download eerst je gegevens als je ze wilt bewaren.
delete-account-last-admin = Je bent de enige beheerder van { $organisations }. Maak eerst iemand anders beheerder; anders kan niemand die organisatie nog beheren.
delete-account-password-hint = Vul je wachtwoord in om te bevestigen dat jij het bent.
delete-account-keep = Nee, account houden
delete-account-submit = Ja, verwijder mijn account
problem-confirmation-missing-title = Niet bevestigd
problem-confirmation-missing = Je hebt nog niet bevestigd dat je dit wilt. Er is niets veranderd; bevestig hieronder als je het zeker weet.

## Deleting a school: first "are you sure?"
school-delete-title = Weet je het zeker?
school-delete-heading = Als je { $school } verwijdert
school-delete-members = { $count ->
    [0] Er horen geen leden bij deze school.
    [one] 1 lid hoort bij deze school. Die blijft lid van de organisatie, maar hoort daarna bij geen school meer.
   *[other] { $count } leden horen bij deze school. Zij blijven lid van de organisatie, maar horen daarna niet meer bij deze school.
}
school-delete-invitations = { $count ->
    [0] Er staan geen uitnodigingen voor deze school open.
    [one] 1 open uitnodiging is voor deze school. Die blijft geldig, voor de organisatie zonder school.
   *[other] { $count } open uitnodigingen zijn voor deze school. Die blijven geldig, voor de organisatie zonder school.
}
school-delete-leaders = Een schoolleider van deze school ziet de leden van de school daarna niet meer.
school-delete-final = Dit kun je niet ongedaan maken; een school met dezelfde naam toevoegen koppelt niemand opnieuw.
school-delete-submit = Ja, verwijder { $school }
school-delete-keep = Nee, school houden
schools-yours = { $count ->
    [one] Jouw school
   *[other] Jouw scholen
}
schools-none-of-yours = Je hoort nog bij geen school van deze organisatie. Vraag een beheerder om je aan je school te koppelen.
schools-not-for-your-role = Met jouw rol zie je hier geen scholen of leden. Wat schoolleiders met je delen, vind je op Mijn Leidraad.

## Inviting someone who is a member already
problem-already-member-title = Al lid
problem-already-member = Iemand met dit e-mailadres is al lid van deze organisatie. Er is geen uitnodiging verstuurd; pas de rollen of school aan bij het lid zelf.

## A reset or invitation link that no longer works
link-reset-closed-title = Deze link werkt niet meer
link-reset-closed = Een link voor een nieuw wachtwoord werkt één uur en één keer, en vervalt zodra je wachtwoord verandert. Deze link is al gebruikt of verlopen.
link-reset-unknown-title = Deze link kennen we niet
link-reset-unknown = Misschien is de link niet helemaal overgenomen uit de mail.
link-reset-todo = Vraag een nieuwe link aan; die komt binnen een paar minuten. Weet je je wachtwoord weer? Log dan gewoon in.
link-reset-request = Nieuwe link aanvragen
link-invitation-unknown-title = Deze uitnodiging kennen we niet
link-invitation-unknown = Misschien is de link niet helemaal overgenomen uit de mail. Kopieer de hele link en probeer het opnieuw, of vraag wie je uitnodigde om een nieuwe uitnodiging.
link-invitation-accepted-title = Deze uitnodiging is al aangenomen
link-invitation-accepted = De uitnodiging voor { $organisation } is al gebruikt: het account bestaat.
link-invitation-accepted-todo = Log in met je e-mailadres en wachtwoord. Ben je je wachtwoord vergeten? Vraag dan een nieuw wachtwoord aan.
link-invitation-revoked-title = Deze uitnodiging is ingetrokken
link-invitation-revoked = De uitnodiging voor { $organisation } is ingetrokken en werkt niet meer.
link-invitation-expired-title = Deze uitnodiging is verlopen
link-invitation-expired = Een uitnodiging werkt 7 dagen. Die voor { $organisation } is verlopen.
link-invitation-ask = Vraag { $name } om een nieuwe uitnodiging.
link-invitation-ask-admin = Vraag een beheerder van { $organisation } om een nieuwe uitnodiging.

## The audit log in words (the log itself keeps codes)
audit-log-lead = Wie wat deed in deze organisatie, het nieuwste eerst. Wachtwoorden, links en wat mensen schrijven, staan hier nooit.
audit-no-roles = geen rol
audit-detail-cli = via de opdrachtregel
audit-event-setup = Leidraad ingericht
audit-event-organisation-created = organisatie aangemaakt
audit-event-sign-in = inloggen
audit-event-invitation = uitnodiging
audit-event-role-change = rollen gewijzigd
audit-event-member-removed = lid verwijderd
audit-event-password-change = wachtwoord gewijzigd
audit-event-password-reset = nieuw wachtwoord via link
audit-event-api-token = API-sleutel
audit-event-export = gegevens gedownload
audit-event-erasure = account verwijderd
audit-event-reflection-share-try = poging tot delen van een reflectie
audit-event-reflection-share = reflectie gedeeld
audit-outcome-succeeded = gelukt
audit-outcome-failed = mislukt
audit-outcome-throttled = even geblokkeerd na te veel pogingen
audit-outcome-created = aangemaakt
audit-outcome-accepted = aangenomen
audit-outcome-revoked = ingetrokken
audit-outcome-tried = geprobeerd
audit-outcome-refused = geweigerd
