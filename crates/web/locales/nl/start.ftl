## Mijn Leidraad: the personal start page
start-title = Mijn Leidraad
start-greeting = Welkom, { $name }. Hier zie je waar je mee bezig bent en wat je nu kunt doen.
start-notice-welcome = Je account is klaar. Fijn dat je er bent!
start-notice-joined = Je hebt de uitnodiging aangenomen.
start-notice-set-up = Leidraad is ingericht. Voeg hieronder je scholen toe en nodig je collega’s uit.
start-welcome-heading = Wat Leidraad voor jou is
start-welcome-lead = Leidraad maakt de beroepsstandaard voor schoolleiders bruikbaar in het dagelijks werk. Dit ben jij hier:
start-open-heading = Waar je mee bezig bent
start-next-heading = Wat je nu kunt doen
start-belongings-heading = Jouw organisaties
start-shared-heading = Gedeeld met jou
start-shared-none = Nog niemand heeft een reflectie met je gedeeld. Deelt een schoolleider zijn of haar profiel met je, dan staat het hier.
start-managed-heading = Wat je beheert
start-overseen-heading = Jouw organisaties
start-scope-whole = De hele beroepsstandaard
start-no-school = Je hoort nog bij geen school; een beheerder kan je aan je school koppelen.
start-your-schools = School: { $schools }
start-open-organisation = Naar de organisatie
start-invite = Iemand uitnodigen
start-kind-reflection = Zelfreflectie
start-started-at = Begonnen op { $when }
start-worked-at = laatst aan gewerkt op { $when }
start-finished-on = Afgerond op { $date }
start-cards-sorted = van { $total } kaarten gelegd
start-continue-sorting = Verder sorteren
start-see-profile = Bekijk het profiel tot nu toe
start-to-finish = Bekijken en afronden
start-move-cards = Kaarten verschuiven
start-read-profile = Lees het profiel
start-count-members = { $count ->
    [one] 1 lid
   *[other] { $count } leden
}
start-count-schools = { $count ->
    [0] nog geen scholen
    [one] 1 school
   *[other] { $count } scholen
}
start-count-invitations = { $count ->
    [0] geen open uitnodigingen
    [one] 1 open uitnodiging
   *[other] { $count } open uitnodigingen
}
start-role-admin = Als beheerder richt je de organisatie in: scholen, leden en hun rollen, uitnodigingen. Je ziet het logboek en de uitgaande mail.
start-role-board-member = Als bestuurder zie je de scholen en leden van je bestuur, en lees je de reflecties die schoolleiders met je delen. Straks zie je hier ook geanonimiseerde overzichten over je scholen.
start-role-school-leader = Als schoolleider reflecteer je op de beroepsstandaard: je legt de kaarten op vier stapels, ziet je profiel en kiest waar je dit jaar aan werkt. Je kunt je profiel delen met je coach of bestuurder.
start-role-staff = Als teamlid lees je de beroepsstandaard en trek je dialoogkaarten voor gesprekken in je team. Straks geef je hier ook anonieme feedback aan je schoolleider en vul je de teamscan in. Zelf reflecteren op de kaarten kan ook.
start-role-coach = Als coach gebruik je de kaarten in gesprekken en lees je de reflecties die schoolleiders met je delen. Zelf reflecteren kan ook.
start-step-first-reflection = Begin je eerste zelfreflectie
start-step-first-reflection-text = Leg de kaarten van de beroepsstandaard op vier stapels: nog niet, soms, vaak, vanzelfsprekend. Kies de hele standaard of een paar domeinen. Alles wordt meteen bewaard.
start-step-first-reflection-go = Zelfreflectie beginnen
start-step-focus = Kies je focuskaarten
start-step-focus-text = Je laatste reflectie is af. Kies uit je groeipunten hoogstens drie kaarten om dit jaar aan te werken.
start-step-focus-go = Focuskaarten kiezen
start-step-share = Deel je profiel als je wilt
start-step-share-text = Laat je coach of bestuurder meelezen met je afgeronde reflectie. Je kunt het altijd weer intrekken.
start-step-share-go = Naar het profiel
start-step-new-moment = Begin een nieuw moment
start-step-new-moment-text = Je rondde je laatste reflectie af op { $date }. Een nieuw moment laat zien wat er sindsdien is veranderd.
start-step-new-moment-go = Nieuw moment beginnen
start-step-schools = Voeg je scholen toe
start-step-schools-text = { $organisation } heeft nog geen scholen. Met scholen zien schoolleiders hun eigen team.
start-step-schools-go = Scholen toevoegen
start-step-invite = Nodig je collega’s uit
start-step-invite-text = Je bent nog de enige in { $organisation }. Nodig schoolleiders, teamleden, bestuurders of een coach uit.
start-step-invite-go = Iemand uitnodigen

## The reflections overview, for a role that does not reflect
reflections-not-for-your-role = Zelfreflectie is er voor schoolleiders, teamleden en coaches. Met jouw rol lees je hier de reflecties die anderen met je delen.
reflections-nothing-shared = Nog niemand heeft een reflectie met je gedeeld. Wat je nu kunt doen, zie je op
