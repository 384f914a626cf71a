# The development plan.

problem-plan-too-many-themes = A development plan has at most three themes per school year: the standard advises no more than two or three subjects a year. Finish or delete a theme before you add a new one.
problem-plan-title-invalid = Give the theme a title of 1 to 120 characters, on one line.
problem-plan-text-invalid = This text is too long or contains hidden control characters. A goal or "how will I know" has at most 2000 characters, a review 4000.
problem-plan-action-invalid = Describe an action in 1 to 300 characters, on one line.
problem-date-invalid = Enter a date as yyyy-mm-dd, for example 2027-01-15.
problem-school-year-invalid = A school year is written as 2026-2027.
problem-plan-card-unknown = This card is not part of your development plan's standard. Choose cards from the list.
problem-plan-too-many-cards = A theme is about at most nine cards. Choose the cards that matter most.
problem-plan-status-unknown = Choose a status from the list: planned, underway, achieved or stopped.
problem-plan-field-unknown = This part of the theme does not exist. Reload the page.
problem-plan-too-many-actions = A theme has at most 20 actions.
problem-plan-too-many-reviews = A theme has at most 12 review moments.
problem-plan-text-changed = This text was changed elsewhere in the meantime. Reload the page to see the latest version; what you typed here is kept on this device.
problem-plan-source-unknown = This result is not (or no longer) yours, or does not show this point. Make the theme from your own results.
problem-plan-theme-carried = This theme is already in next school year's plan.

nav-plan = Development plan

plan-title = Development plan { $year }
plan-lead = What do you want to learn as a leader this school year? Choose at most three themes: the standard advises two or three subjects a year. Make them from your results or write them yourself, and make clear how you will notice that it works.
plan-years = School years
plan-themes = Themes ({ $count } of { $most })
plan-empty = Your plan has no themes yet. Start from a result below, or write a theme yourself.
plan-full = Your plan has three themes: enough for one school year. Want a new theme? Finish or delete one first.
plan-theme-number = Theme { $number }
plan-cards = Cards of the standard
plan-goal = Goal:
plan-actions-done = { $count ->
    [0] No actions yet
   *[other] { $done } of { $count } actions done
}
plan-source-own = Own theme
plan-source-focus-card = Focus card from the self-reflection
plan-source-blind-spot = Blind spot from the 360° feedback
plan-source-scan-gap = Gap between estimate and team in the team scan
plan-source-carried-over = Carried over from the previous school year
plan-goal-short = Goal
plan-status = Status
plan-status-planned = Planned
plan-status-underway = Underway
plan-status-achieved = Achieved
plan-status-stopped = Stopped
plan-from-results = Make a theme from your results
plan-from-results-lead = Your focus cards, the blind spots of your 360° feedback and the largest gaps of your team scan point to where you can grow. One click makes a theme of one; the theme links back to the result.
plan-make-theme = Make this a theme
plan-earlier = Themes of { $year }
plan-earlier-lead = Carry a theme over if you keep working on it this year. The goal, "how will I know" and the cards come along; actions and the review stay with last year.
plan-carry-over = Carry over to this year
plan-carried = Carried over to this year.
plan-new-theme = Write a theme yourself
plan-theme-title = Title of the theme
plan-goal-label = Goal in your own words
plan-goal-hint = What do you want to do or be able to do differently by the end of the school year?
plan-add-theme = Add theme
plan-share-title = Sharing
plan-share-lead = Your plan is yours alone. Share it with your coach or a board member to prepare the development conversation together; you can always withdraw it.
plan-share-empty = Add a theme first; then you can share the plan.
plan-share-withdraw = Withdraw
plan-notice-gedeeld = Your plan is shared.
plan-notice-ingetrokken = The share is withdrawn.
plan-notice-verwijderd = The theme is deleted.
plan-notice-meegenomen = The theme is carried over.
plan-texts = Goal, measuring and review
plan-autosave-hint = What you type is saved by itself.
plan-text-refused = This text could not be saved: it is too long or contains hidden control characters.
plan-monitoring-label = How will I know it works?
plan-monitoring-hint = Make clear what monitoring looks like: what do you see or hear, from whom, and when do you look?
plan-review-label = Review at the end of the school year
plan-review-hint = What did you achieve, what did you learn, and what do you take into next year?
plan-save-texts = Save texts
plan-actions = Actions
plan-due = by { $date }
plan-action-done = Done
plan-action-undo = Not done yet
plan-remove = Delete
plan-action-new = New action
plan-action-due = Date (may be empty)
plan-action-add = Add action
plan-moments = Review moments
plan-moments-lead = Agree with yourself when you look back: what do you see then, and what do you adjust?
plan-moment-on = Review on { $date }
plan-moment-save = Save note
plan-moment-new = Date of a review moment
plan-moment-add = Add moment
plan-theme-settings = Title, status and cards
plan-cards-hint = Which cards of the standard is this theme about? Choose at most nine.
plan-theme-save = Save theme
plan-theme-more = Carry over or delete
plan-carry-over-lead = Will you keep working on this theme next school year ({ $year })? Carry it over: it becomes a new theme in that plan.
plan-carry-over-to = Carry over to { $year }
plan-delete-lead = Deleting takes the theme with its actions and review moments out of your plan.
plan-delete = Delete theme
plan-shared-title = Development plan of { $name }, { $year }
plan-shared-lead = { $name } shared this plan with you, for instance to prepare the development conversation. You can read it, not change it.
plan-shared-empty = This plan has no themes yet.

## Mijn Leidraad
start-kind-plan = Development plan
start-plan-year = School year { $year }
start-read-plan = Read the plan
plan-to-portfolio = Your portfolio for re-registration: your plans, your log and your results per domain, as a PDF

## Deleting one's account
delete-loses-plans = { $count ->
    [one] your development plan, with its themes
   *[other] your { $count } development plans, with their themes
}
delete-loses-log = your learning log: { $count ->
    [one] 1 activity
   *[other] { $count } activities
} and { $files ->
    [one] 1 evidence file
   *[other] { $files } evidence files
}
plan-shared-served = Activities for this theme
