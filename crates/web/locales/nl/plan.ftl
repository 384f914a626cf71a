# Het ontwikkelplan.

problem-plan-too-many-themes = Een ontwikkelplan heeft hoogstens drie thema's per schooljaar: de standaard raadt niet meer dan twee of drie onderwerpen per jaar aan. Rond een thema af of verwijder er een voordat je een nieuw thema toevoegt.
problem-plan-title-invalid = Geef het thema een titel van 1 tot 120 tekens, op één regel.
problem-plan-text-invalid = Deze tekst is te lang of bevat verborgen stuurtekens. Een doel of "hoe weet ik het" heeft hoogstens 2000 tekens, een terugblik 4000.
problem-plan-action-invalid = Beschrijf een actie in 1 tot 300 tekens, op één regel.
problem-date-invalid = Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2027-01-15.
problem-school-year-invalid = Een schooljaar schrijf je als 2026-2027.
problem-plan-card-unknown = Deze kaart hoort niet bij de standaard van je ontwikkelplan. Kies kaarten uit de lijst.
problem-plan-too-many-cards = Een thema gaat over hoogstens negen kaarten. Kies de kaarten die er het meest toe doen.
problem-plan-status-unknown = Kies een status uit de lijst: gepland, bezig, bereikt of gestopt.
problem-plan-field-unknown = Dit deel van het thema bestaat niet. Laad de pagina opnieuw.
problem-plan-too-many-actions = Een thema heeft hoogstens 20 acties.
problem-plan-too-many-reviews = Een thema heeft hoogstens 12 evaluatiemomenten.
problem-plan-text-changed = Deze tekst is intussen ergens anders gewijzigd. Laad de pagina opnieuw om de nieuwste versie te zien; wat je hier typte, blijft op dit apparaat bewaard.
problem-plan-source-unknown = Dit resultaat is niet (meer) van jou, of laat dit punt niet zien. Maak het thema vanuit je eigen resultaten.
problem-plan-theme-carried = Dit thema staat al in het plan van het volgende schooljaar.

nav-plan = Ontwikkelplan

plan-title = Ontwikkelplan { $year }
plan-lead = Wat wil je dit schooljaar leren als leidinggevende? Kies hoogstens drie thema's: de standaard raadt twee of drie onderwerpen per jaar aan. Maak ze uit je resultaten of schrijf ze zelf, en maak duidelijk hoe je merkt dat het lukt.
plan-years = Schooljaren
plan-themes = Thema's ({ $count } van { $most })
plan-empty = Je plan heeft nog geen thema's. Begin met een resultaat hieronder, of schrijf zelf een thema.
plan-full = Je plan heeft drie thema's: genoeg voor één schooljaar. Wil je een nieuw thema? Rond er eerst een af of verwijder er een.
plan-theme-number = Thema { $number }
plan-cards = Kaarten van de standaard
plan-goal = Doel:
plan-actions-done = { $count ->
    [0] Nog geen acties
   *[other] { $done } van { $count } acties gedaan
}
plan-source-own = Eigen thema
plan-source-focus-card = Focuskaart uit de zelfreflectie
plan-source-blind-spot = Blinde vlek uit de 360°-feedback
plan-source-scan-gap = Verschil tussen inschatting en team in de teamscan
plan-source-carried-over = Meegenomen uit het vorige schooljaar
plan-goal-short = Doel
plan-status = Status
plan-status-planned = Gepland
plan-status-underway = Bezig
plan-status-achieved = Bereikt
plan-status-stopped = Gestopt
plan-from-results = Maak een thema van je resultaten
plan-from-results-lead = Je focuskaarten, de blinde vlekken uit je 360°-feedback en de grootste verschillen uit je teamscan wijzen waar je kunt groeien. Eén klik maakt er een thema van; het thema verwijst terug naar het resultaat.
plan-make-theme = Maak hiervan een thema
plan-earlier = Thema's van { $year }
plan-earlier-lead = Neem een thema mee als je er dit jaar verder aan werkt. Het doel, "hoe weet ik het" en de kaarten gaan mee; acties en terugblik blijven bij vorig jaar.
plan-carry-over = Neem mee naar dit jaar
plan-carried = Meegenomen naar dit jaar.
plan-new-theme = Zelf een thema schrijven
plan-theme-title = Titel van het thema
plan-goal-label = Doel in je eigen woorden
plan-goal-hint = Wat wil je aan het eind van het schooljaar anders doen of kunnen?
plan-add-theme = Thema toevoegen
plan-share-title = Delen
plan-share-lead = Je plan is alleen van jou. Deel het met je coach of een bestuurder om samen het ontwikkelgesprek voor te bereiden; je kunt het delen altijd weer intrekken.
plan-share-empty = Voeg eerst een thema toe; daarna kun je het plan delen.
plan-share-withdraw = Intrekken
plan-notice-gedeeld = Je plan is gedeeld.
plan-notice-ingetrokken = Het delen is ingetrokken.
plan-notice-verwijderd = Het thema is verwijderd.
plan-notice-meegenomen = Het thema is meegenomen.
plan-texts = Doel, meten en terugblik
plan-autosave-hint = Wat je typt, wordt vanzelf bewaard.
plan-text-refused = Deze tekst kon niet bewaard worden: hij is te lang of bevat verborgen stuurtekens.
plan-monitoring-label = Hoe weet ik dat het lukt?
plan-monitoring-hint = Maak duidelijk hoe monitoring eruitziet: wat zie of hoor je, bij wie, en wanneer kijk je?
plan-review-label = Terugblik aan het eind van het schooljaar
plan-review-hint = Wat heb je bereikt, wat heb je geleerd, en wat neem je mee naar volgend jaar?
plan-save-texts = Teksten bewaren
plan-actions = Acties
plan-due = vóór { $date }
plan-action-done = Gedaan
plan-action-undo = Nog niet gedaan
plan-remove = Verwijderen
plan-action-new = Nieuwe actie
plan-action-due = Datum (mag leeg)
plan-action-add = Actie toevoegen
plan-moments = Evaluatiemomenten
plan-moments-lead = Spreek met jezelf af wanneer je terugkijkt: wat zie je dan, en wat stel je bij?
plan-moment-on = Evaluatie op { $date }
plan-moment-save = Notitie bewaren
plan-moment-new = Datum van een evaluatiemoment
plan-moment-add = Moment toevoegen
plan-theme-settings = Titel, status en kaarten
plan-cards-hint = Over welke kaarten van de standaard gaat dit thema? Kies er hoogstens negen.
plan-theme-save = Thema bewaren
plan-theme-more = Meenemen of verwijderen
plan-carry-over-lead = Werk je volgend schooljaar ({ $year }) verder aan dit thema? Neem het mee: het komt als nieuw thema in dat plan.
plan-carry-over-to = Meenemen naar { $year }
plan-delete-lead = Verwijderen haalt het thema met zijn acties en evaluatiemomenten uit je plan.
plan-delete = Thema verwijderen
plan-shared-title = Ontwikkelplan van { $name }, { $year }
plan-shared-lead = { $name } deelde dit plan met jou, bijvoorbeeld om het ontwikkelgesprek voor te bereiden. Je kunt het lezen, niet wijzigen.
plan-shared-empty = Dit plan heeft nog geen thema's.

## Mijn Leidraad
start-kind-plan = Ontwikkelplan
start-plan-year = Schooljaar { $year }
start-read-plan = Plan lezen
plan-to-portfolio = Je portfolio voor herregistratie: je plannen, je logboek en je resultaten per domein, als pdf

## Deleting one's account
delete-loses-plans = { $count ->
    [one] je ontwikkelplan, met zijn thema's
   *[other] je { $count } ontwikkelplannen, met hun thema's
}
delete-loses-log = je logboek: { $count ->
    [one] 1 activiteit
   *[other] { $count } activiteiten
} en { $files ->
    [one] 1 bewijsstuk
   *[other] { $files } bewijsstukken
}
plan-shared-served = Activiteiten voor dit thema
