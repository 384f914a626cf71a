# Het logboek (activiteitenlog), de registercyclus en bewijsstukken.

nav-log = Logboek

start-step-log = Houd je logboek bij
start-step-log-text = Wat je in Leidraad deed staat klaar voor je logboek. Zet er ook je cursussen, intervisie en registerpunten bij.
start-step-log-go = Naar je logboek

problem-activity-kind-unknown = Kies een soort activiteit uit de lijst.
problem-activity-title-invalid = Geef de activiteit een naam van 1 tot 160 tekens, op één regel.
problem-activity-hours-invalid = Vul de uren in als een getal van 0 tot 1000, zoals 1,5 of 2. Een negatief getal kan niet.
problem-activity-points-invalid = Registerpunten zijn een heel getal van 0 tot 100. Een negatief getal kan niet.
problem-activity-text-invalid = Wat je leerde en wat je anders doet zijn elk hoogstens 2000 tekens, zonder verborgen stuurtekens.
problem-activity-card-unknown = Een van de kaarten hoort niet bij de beroepsstandaard. Kies kaarten uit de lijst.
problem-activity-domain-unknown = Een van de domeinen hoort niet bij de beroepsstandaard. Kies domeinen uit de lijst.
problem-activity-too-many-cards = Kies hoogstens 20 kaarten bij een activiteit.
problem-activity-theme-unknown = Een van de thema's hoort niet bij jouw ontwikkelplan. Kies thema's uit de lijst.
problem-activity-already-logged = Deze activiteit uit Leidraad staat al in je logboek, of je hebt haar eerder overgeslagen.
problem-cycle-target-invalid = Het doel is een heel aantal punten van 1 tot 1000. Zonder keuze is het 100.
problem-evidence-type-refused = Dit bestand kan niet als bewijs bewaard worden. Leidraad bewaart pdf's, afbeeldingen (png, jpg, gif, webp) en Office-documenten, en kijkt daarvoor naar de inhoud, niet naar de naam. Webpagina's, svg's en programma's worden geweigerd.
problem-evidence-too-large = Een bestand mag hoogstens 10 MB zijn. Verklein het (bijvoorbeeld als pdf of een kleinere foto) en probeer het opnieuw.
problem-evidence-quota-full = Je bewijsstukken nemen samen al bijna 200 MB in. Verwijder een bestand dat je niet meer nodig hebt en probeer het opnieuw.

log-title = Logboek
log-lead = Wat je doet om te groeien als schoolleider: cursussen, intervisie, lezen, een bezoek aan een andere school. Met je registerpunten, wat je leerde en je bewijsstukken bij elkaar.
log-cycle-title = Je registercyclus
log-progress-summary = { $points } van { $target } punten
log-points-so-far = Punten tot nu toe
log-still-needed = Nog nodig
log-time-left = Tijd over
log-behind = Let op: in dit tempo haal je je doel niet voor het einde van je cyclus. Plan een gecertificeerde activiteit, of kijk welke informele activiteiten je kunt laten valideren.
log-cycle-period = Cyclus van { $start } tot { $end }
log-per-year = Punten per jaar van je cyclus
log-cycle-change = Cyclus aanpassen
log-cycle-none = Stel je registercyclus in om te zien hoeveel punten je al hebt en hoeveel je nog nodig hebt.
log-cycle-set = Cyclus instellen
log-cycle-year = Jaar { $number } (vanaf { $start })
log-time-over = De cyclus is voorbij
log-days-left = { $days ->
    [one] nog 1 dag
   *[other] nog { $days } dagen
}
log-months-left = { $months ->
    [one] nog 1 maand
   *[other] nog { $months } maanden
}
log-suggestions-title = Uit Leidraad
log-suggestions-lead = Dit deed je in Leidraad. Zet het in je logboek, of sla het over.
log-confirm = In mijn logboek
log-dismiss = Overslaan
log-add-title = Activiteit toevoegen
log-add-lead = Een cursus, intervisie, een boek, een bezoek aan een andere school: alles wat je doet om te groeien. Je bewijsstukken voeg je toe zodra de activiteit in je logboek staat.
log-activities-title = Je activiteiten
log-empty = Je logboek is nog leeg. Voeg je eerste activiteit toe.
log-from-leidraad = uit Leidraad
log-files-count = { $count ->
    [one] 1 bestand
   *[other] { $count } bestanden
}
log-hours = { $hours } uur
log-points = { $points ->
    [one] 1 punt
   *[other] { $points } punten
}
log-informal = informeel
log-storage = Je bewijsstukken: { $used } van { $total }
log-size-kb = { $size } kB
log-size-mb = { $size } MB
log-theme-choice = { $title } ({ $year })

log-kind-course = Cursus
log-kind-training = Training
log-kind-master-module = Mastermodule
log-kind-intervision = Intervisie
log-kind-coaching = Coaching
log-kind-conference = Congres
log-kind-reading = Lezen
log-kind-school-visit = Schoolbezoek
log-kind-dialogue = Dialoog
log-kind-reflection = Zelfreflectie
log-kind-feedback-round = 360°-feedback
log-kind-team-scan = Teamscan

log-kind-label = Soort activiteit
log-kind-fixed = Deze activiteit komt uit Leidraad; de soort blijft.
log-title-label = Naam
log-day-label = Datum
log-hours-label = Uren
log-hours-hint = Bijvoorbeeld 1,5
log-points-label = Registerpunten
log-points-hint = Alleen bij een gecertificeerde activiteit; leeg is informeel.
log-domains-label = Domeinen en kaarten van de standaard
log-domains-hint = Waar ging het over? Open een domein om kaarten te kiezen.
log-cards-of-domain = Kaarten
log-themes-label = Thema's van je ontwikkelplan
log-learned-label = Wat heb ik geleerd?
log-differently-label = Wat doe ik nu anders?
log-add-submit = Toevoegen
log-save = Opslaan

log-back = Terug naar je logboek
log-added = De activiteit staat in je logboek. Voeg hier je bewijs toe.
log-evidence-title = Bewijsstukken
log-evidence-none = Nog geen bewijs bij deze activiteit.
log-evidence-delete = Verwijderen
log-evidence-label = Bestand toevoegen
log-evidence-hint = Pdf, afbeelding of Office-document, hoogstens 10 MB.
log-evidence-upload = Uploaden
log-edit-title = Activiteit aanpassen
log-delete-title = Activiteit verwijderen
log-delete-lead = De activiteit verdwijnt met haar bewijsstukken uit je logboek.
log-delete-leidraad = De activiteit verdwijnt met haar bewijsstukken uit je logboek, en wordt niet opnieuw voorgesteld.
log-delete-submit = Verwijderen

log-cycle-page-title = Je registercyclus
log-cycle-page-lead = Het Schoolleidersregister vraagt punten per cyclus van { $years } jaar. Vul in wanneer je cyclus begon en hoeveel punten je nodig hebt.
log-cycle-start-label = Begin van je cyclus
log-cycle-target-label = Doel in punten
log-cycle-target-hint = Meestal 100.
