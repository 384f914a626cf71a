## A reflection's results: the timeline, the chart, finishing and downloads

timeline-whole-standard = Whole standard
timeline-progress = { $sorted } of { $total } cards sorted
timeline-finished = finished
timeline-open-title = Your open moment
timeline-confirm-title = You already have an open moment
timeline-confirm-lead = You are still working on the moment below. Go on with it, or start a new moment anyway; the open moment then simply stays.
timeline-confirm-start = Start a new moment anyway
timeline-compare-earlier = Earlier moment
timeline-compare-later = Later moment
timeline-start-while-open = You still have an open moment. If you start a new one anyway, you will be asked to confirm first.
problem-reflection-open-exists-title = A moment is still open
problem-reflection-open-exists = You already have an open moment on this framework. Go on with it, or confirm that you want to start a new moment anyway.

finish-title = Finish the reflection
finish-moment = Moment of { $date }
finish-unsorted = { $count ->
    [0] All { $total } cards lie on a pile.
    [one] 1 of the { $total } cards lies on no pile yet.
   *[other] { $count } of the { $total } cards lie on no pile yet.
}
finish-unsorted-after = Cards you do not sort do not count in your profile.
finish-final = Finishing cannot be undone: after it, this reflection no longer changes. You can always start a new moment.
finish-confirm = Yes, finish the reflection
finish-keep-sorting = No, go on sorting
finish-cancel = No, back to the profile
problem-finish-unconfirmed-title = Not finished yet
problem-finish-unconfirmed = The reflection was not finished: confirm below that you want to finish it.

chart-radar-title = Radar of the mean score per domain, from 1 at the centre to 4 at the edge. The table with the chart gives the same figures, with the domains' full names.
chart-bars-lead = Mean score per domain, from 1 (not yet) to 4 (second nature).
compare-legend = Legend
compare-earlier = Earlier
compare-later = Later

download-yes = yes
download-no = no
download-csv = CSV (Excel)
download-xlsx = Excel (XLSX)
download-file-reflection = leidraad-self-reflection
download-sheet-cards = Cards
download-sheet-domains = Per domain
download-col-domain = Domain
download-col-card = Card
download-col-pile = Pile
download-col-starred = Want to work on
download-col-focus = Focus card
download-col-note = Note
download-col-evidence = Evidence
download-col-code = Card code
download-col-score = Mean score
download-account-xlsx = Everything as an Excel workbook (XLSX)
download-sheet-memberships = Memberships
download-sheet-sessions = Sessions
download-sheet-tokens = API keys
download-sheet-audit = Audit log
download-col-organisation = Organisation
download-col-roles = Roles
download-col-schools = Schools
download-col-signed-in = Signed in on
download-col-last-seen = Last active
download-col-browser = Browser
download-col-token-name = Name
download-col-created = Created on
download-col-last-used = Last used
download-col-when = When
download-col-event = Event
download-col-outcome = Outcome
download-col-detail = Details
