## 360°-feedback: het rapport van een gesloten ronde, de afdrukversie en de downloads

report-title = Rapport 360°-feedback
report-lead-own = Zo zien anderen je, naast je eigen beeld. Een groep met te weinig antwoorden staat er niet in, zodat niemand herkenbaar is.
report-lead-shared = { $name } heeft dit rapport met je gedeeld: het eigen beeld naast dat van anderen.
report-released-on = Vrijgegeven op { $date }
report-notice-focus = De kaart staat nu bij de focuskaarten van je laatste reflectie.
report-notice-gedeeld = Het rapport is gedeeld.
report-notice-ingetrokken = Het delen is ingetrokken.
report-toc = Op deze pagina
report-groups = Wie hebben geantwoord
report-identifiable = herkenbaar
report-anonymity-hint = Een groep staat alleen in het rapport als genoeg mensen antwoordden. Een groep met te weinig antwoorden telt nergens mee, ook niet bij ‘alle anderen’, en het rapport zegt niet hoeveel het er waren.
report-others-count = { $count ->
    [one] Alle anderen samen: 1 beoordelaar
   *[other] Alle anderen samen: { $count } beoordelaars
}
report-others-none = Geen enkele groep had genoeg antwoorden. Daarom staat hier alleen de eigen beoordeling.
report-group-respondents = { $count ->
    [one] 1 beoordelaar
   *[other] { $count } beoordelaars
}
report-group-hidden = te weinig antwoorden
report-group-comments-hidden = opmerkingen niet getoond: te weinig antwoorden
report-per-domain = Per domein
report-scale-hint = Gemiddelden op de schaal van 1 (nog niet) tot 4 (vanzelfsprekend). De spreiding zegt hoe ver de oordelen uiteenlopen: hoe kleiner, hoe eensgezinder.
report-chart-title = Eigen beoordeling en alle anderen, per domein
report-chart-table-hint = De tabel hieronder geeft dezelfde cijfers, ook per groep.
report-domains-caption = Gemiddelde per domein: eigen beoordeling, elke groep en alle anderen samen
report-self = Zelf
report-others = Alle anderen
report-self-none = niet ingevuld
report-too-few-ratings = te weinig oordelen
report-score-detail = { $count ->
    [one] spreiding { $spread } · 1 oordeel
   *[other] spreiding { $spread } · { $count } oordelen
}
report-cannot-judge-count = { $count } × kan ik niet beoordelen
report-differences = Wat opvalt
report-none = Geen kaarten.
report-blind-spots = Blinde vlekken
report-blind-spots-lead = Het eigen oordeel ligt minstens een punt hoger dan dat van anderen.
report-hidden-strengths = Verborgen sterktes
report-hidden-strengths-lead = Anderen oordelen minstens een punt hoger dan het eigen oordeel.
report-highest = Hoogst gewaardeerd
report-highest-lead = Waar alle anderen samen het hoogst op uitkomen.
report-lowest = Laagst gewaardeerd
report-lowest-lead = Waar alle anderen samen het laagst op uitkomen.
report-agreement = Eensgezind
report-agreement-lead = De groepen liggen hier hoogstens een halve punt uit elkaar.
report-disagreement = Verdeeld
report-disagreement-lead = De groepen verschillen hier een punt of meer.
report-figures-self-others = zelf { $own } · anderen { $others }
report-figures-others = anderen { $others }
report-focus-add = Maak focuskaart
report-per-card = Per kaart
report-cards-caption = { $domain }: per kaart de eigen beoordeling, elke groep en alle anderen samen
report-comments-on = Opmerkingen bij { $domain }
report-comments-general = Algemene opmerkingen
report-next = Verder met je rapport
report-focus-title = Focuskaarten
report-focus-lead = Kies een kaart om aan te werken, bijvoorbeeld een blinde vlek. Hij komt bij de focuskaarten van je laatste afgeronde reflectie: hoogstens drie.
report-focus-card = Kaart
report-focus-submit = Voeg toe aan je focuskaarten
report-share-title = Delen
report-share-lead = Dit rapport is van jou alleen. Je kunt het delen met een collega die je noemt, zoals je coach of bestuurder, en dat altijd weer intrekken.
report-share-withdraw-named = Delen met { $name } intrekken
report-back = Terug naar het rapport
report-request = De vraag aan de beoordelaars

## Downloads

report-file = leidraad-360-rapport
report-sheet-cards = Per kaart
report-sheet-domains = Per domein
report-sheet-groups = Groepen
report-sheet-comments = Opmerkingen
report-sheet-differences = Wat opvalt
report-col-mean = { $who }: gemiddelde
report-col-spread = { $who }: spreiding
report-col-ratings = { $who }: oordelen
report-col-cannot-judge = { $who }: kan ik niet beoordelen
report-col-group = Groep
report-col-shown = Getoond
report-col-respondents = Beoordelaars
report-col-comments-shown = Opmerkingen getoond
report-col-comment = Opmerking
report-col-list = Lijst
