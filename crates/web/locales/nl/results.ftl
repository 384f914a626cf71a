## De resultaten van een reflectie: de tijdlijn, de grafiek, afronden en downloads

timeline-whole-standard = Hele standaard
timeline-progress = { $sorted } van { $total } kaarten gesorteerd
timeline-finished = afgerond
timeline-open-title = Je open moment
timeline-confirm-title = Je hebt al een open moment
timeline-confirm-lead = Je bent nog bezig met het moment hieronder. Ga daarmee verder, of begin toch een nieuw moment; het open moment blijft dan gewoon staan.
timeline-confirm-start = Toch een nieuw moment beginnen
timeline-compare-earlier = Eerder moment
timeline-compare-later = Later moment
timeline-start-while-open = Je hebt nog een open moment. Begin je toch een nieuw moment, dan vragen we je dat eerst te bevestigen.
problem-reflection-open-exists-title = Er is al een open moment
problem-reflection-open-exists = Je hebt op dit kader al een moment dat nog open is. Ga daarmee verder, of bevestig dat je toch een nieuw moment wilt beginnen.

finish-title = Reflectie afronden
finish-moment = Moment van { $date }
finish-unsorted = { $count ->
    [0] Alle { $total } kaarten liggen op een stapel.
    [one] Nog 1 van de { $total } kaarten ligt op geen stapel.
   *[other] Nog { $count } van de { $total } kaarten liggen op geen stapel.
}
finish-unsorted-after = Kaarten die je niet sorteert, tellen niet mee in je profiel.
finish-final = Afronden kun je niet ongedaan maken: daarna verandert deze reflectie niet meer. Je kunt wel altijd een nieuw moment beginnen.
finish-confirm = Ja, rond de reflectie af
finish-keep-sorting = Nee, verder sorteren
finish-cancel = Nee, terug naar het profiel
problem-finish-unconfirmed-title = Nog niet afgerond
problem-finish-unconfirmed = De reflectie is niet afgerond: bevestig hieronder dat je wilt afronden.

chart-radar-title = Radar van de gemiddelde score per domein, van 1 in het midden tot 4 aan de rand. De tabel bij de grafiek geeft dezelfde cijfers, met de volledige namen van de domeinen.
chart-bars-lead = Gemiddelde score per domein, van 1 (nog niet) tot 4 (vanzelfsprekend).
compare-legend = Legenda
compare-earlier = Eerder
compare-later = Later

download-yes = ja
download-no = nee
download-csv = CSV (Excel)
download-xlsx = Excel (XLSX)
download-file-reflection = leidraad-zelfreflectie
download-sheet-cards = Kaarten
download-sheet-domains = Per domein
download-col-domain = Domein
download-col-card = Kaart
download-col-pile = Stapel
download-col-starred = Wil ik aan werken
download-col-focus = Focuskaart
download-col-note = Notitie
download-col-evidence = Bewijs
download-col-code = Kaartcode
download-col-score = Gemiddelde score
download-account-xlsx = Alles als Excel-werkmap (XLSX)
download-sheet-memberships = Lidmaatschappen
download-sheet-sessions = Sessies
download-sheet-tokens = API-sleutels
download-sheet-audit = Logboek
download-col-organisation = Organisatie
download-col-roles = Rollen
download-col-schools = Scholen
download-col-signed-in = Ingelogd op
download-col-last-seen = Laatst actief
download-col-browser = Browser
download-col-token-name = Naam
download-col-created = Aangemaakt op
download-col-last-used = Laatst gebruikt
download-col-when = Tijdstip
download-col-event = Gebeurtenis
download-col-outcome = Uitkomst
download-col-detail = Details
