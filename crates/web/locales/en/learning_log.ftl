# The learning log, the register cycle and evidence files.

nav-log = Learning log

start-step-log = Keep your learning log
start-step-log-text = What you did in Leidraad is ready for your log. Add your courses, intervision and register points too.
start-step-log-go = To your log

problem-activity-kind-unknown = Choose a kind of activity from the list.
problem-activity-title-invalid = Give the activity a name of 1 to 160 characters, on one line.
problem-activity-hours-invalid = Enter the hours as a number from 0 to 1000, like 1.5 or 2. A negative number is not possible.
problem-activity-points-invalid = Register points are a whole number from 0 to 100. A negative number is not possible.
problem-activity-text-invalid = What you learned and what you do differently are each at most 2000 characters, without hidden control characters.
problem-activity-card-unknown = One of the cards is not part of the professional standard. Choose cards from the list.
problem-activity-domain-unknown = One of the domains is not part of the professional standard. Choose domains from the list.
problem-activity-too-many-cards = Choose at most 20 cards for an activity.
problem-activity-theme-unknown = One of the themes is not part of your development plan. Choose themes from the list.
problem-activity-already-logged = This activity from Leidraad is already in your log, or you skipped it before.
problem-cycle-target-invalid = The target is a whole number of points from 1 to 1000. Without a choice it is 100.
problem-evidence-type-refused = This file cannot be kept as evidence. Leidraad keeps PDFs, images (png, jpg, gif, webp) and Office documents, and looks at the content for that, not the name. Web pages, SVGs and programs are refused.
problem-evidence-too-large = A file may be at most 10 MB. Make it smaller (for example as a PDF or a smaller photo) and try again.
problem-evidence-quota-full = Your evidence files already take up nearly 200 MB together. Delete a file you no longer need and try again.

log-title = Learning log
log-lead = What you do to grow as a school leader: courses, intervision, reading, a visit to another school. With your register points, what you learned and your evidence in one place.
log-cycle-title = Your register cycle
log-progress-summary = { $points } of { $target } points
log-points-so-far = Points so far
log-still-needed = Still needed
log-time-left = Time left
log-behind = Note: at this pace you will not reach your target before the end of your cycle. Plan a certified activity, or see which informal activities you can have validated.
log-cycle-period = Cycle from { $start } to { $end }
log-per-year = Points per year of your cycle
log-cycle-change = Change the cycle
log-cycle-none = Set your register cycle to see how many points you have and how many you still need.
log-cycle-set = Set the cycle
log-cycle-year = Year { $number } (from { $start })
log-time-over = The cycle is over
log-days-left = { $days ->
    [one] 1 day left
   *[other] { $days } days left
}
log-months-left = { $months ->
    [one] 1 month left
   *[other] { $months } months left
}
log-suggestions-title = From Leidraad
log-suggestions-lead = You did this in Leidraad. Put it in your log, or skip it.
log-confirm = Into my log
log-dismiss = Skip
log-add-title = Add an activity
log-add-lead = A course, intervision, a book, a visit to another school: anything you do to grow. You add your evidence once the activity is in your log.
log-activities-title = Your activities
log-empty = Your log is still empty. Add your first activity.
log-from-leidraad = from Leidraad
log-files-count = { $count ->
    [one] 1 file
   *[other] { $count } files
}
log-hours = { $hours } { $hours ->
    [1] hour
   *[other] hours
}
log-points = { $points ->
    [one] 1 point
   *[other] { $points } points
}
log-informal = informal
log-storage = Your evidence: { $used } of { $total }
log-size-kb = { $size } kB
log-size-mb = { $size } MB
log-theme-choice = { $title } ({ $year })

log-kind-course = Course
log-kind-training = Training
log-kind-master-module = Master's module
log-kind-intervision = Intervision
log-kind-coaching = Coaching
log-kind-conference = Conference
log-kind-reading = Reading
log-kind-school-visit = School visit
log-kind-dialogue = Dialogue
log-kind-reflection = Self-reflection
log-kind-feedback-round = 360° feedback
log-kind-team-scan = Team scan

log-kind-label = Kind of activity
log-kind-fixed = This activity comes from Leidraad; its kind stays.
log-title-label = Name
log-day-label = Date
log-hours-label = Hours
log-hours-hint = For example 1.5
log-points-label = Register points
log-points-hint = Only for a certified activity; empty is informal.
log-domains-label = Domains and cards of the standard
log-domains-hint = What was it about? Open a domain to choose cards.
log-cards-of-domain = Cards
log-themes-label = Themes of your development plan
log-learned-label = What did I learn?
log-differently-label = What do I do differently now?
log-add-submit = Add
log-save = Save

log-back = Back to your log
log-added = The activity is in your log. Add your evidence here.
log-evidence-title = Evidence
log-evidence-none = No evidence with this activity yet.
log-evidence-delete = Delete
log-evidence-label = Add a file
log-evidence-hint = PDF, image or Office document, at most 10 MB.
log-evidence-upload = Upload
log-edit-title = Change the activity
log-delete-title = Delete the activity
log-delete-lead = The activity leaves your log with its evidence.
log-delete-leidraad = The activity leaves your log with its evidence, and is not suggested again.
log-delete-submit = Delete

log-cycle-page-title = Your register cycle
log-cycle-page-lead = The school leaders' register asks for points per cycle of { $years } years. Enter when your cycle began and how many points you need.
log-cycle-start-label = Start of your cycle
log-cycle-target-label = Target in points
log-cycle-target-hint = Usually 100.
