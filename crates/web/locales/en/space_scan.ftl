# The professional-space team scan.

problem-scan-answer-invalid = Choose one of the answers: strongly disagree, disagree, agree, strongly agree or don't know.
problem-scan-threshold-too-low = A team scan's threshold is at least 3: with fewer answers, anyone can work out who answered what. Without a choice it is 5.
problem-scan-statement-unknown = This statement is not part of the team scan. Reload the questionnaire and try again.
problem-scan-role-unknown = This role is not part of the team scan. Choose one of the roles in the list.
problem-scan-open-question-unknown = This open question is not part of the team scan. Reload the questionnaire and try again.
problem-scan-open-answer-invalid = An answer to an open question has at most 2000 characters, without hidden control characters.
problem-scan-answered-twice = You answered a statement, role or open question twice. Give each answer once.
problem-scan-label-invalid = A title or team name has 1 to 80 characters, on one line.
problem-scan-closed = This team scan takes no more answers: it is closed or its closing date has passed.
problem-scan-already-answered = This link has answered already. A link gives one answer.
problem-scan-text-changed = This text has been changed elsewhere meanwhile. Look at both versions and choose what to keep.
problem-scan-released = This team scan's results have been released already.
problem-scan-too-few-responses = Too few people have answered yet: below the threshold the results show nothing. Wait until the threshold is reached.
problem-scan-threshold-invalid = Fill in the threshold as a whole number, 3 or more.
problem-scan-school-unknown = Choose a school of the organisation.
problem-scan-teams-too-many = A team scan can be split into at most 12 teams.
problem-scan-team-twice = Each team has a name of its own: a name appears once.
problem-scan-teams-one-school = Teams can only be made in a team scan of one school.
problem-scan-email-invalid = Fill in email addresses, one per line (or separated by commas). One of the lines is not an email address.
problem-scan-invitations-too-many = Send at most 500 invitations at a time.
problem-scan-response-empty = Answer at least one statement before you hand in.
problem-scan-unit-unknown = Choose a school or team of this team scan.
problem-scan-role-answer-invalid = For a role, choose: no, I do now, I would like to, or I do and want to keep doing.
problem-scan-no-gaps = There are no differences between your estimate and the team to talk about: give your estimate before you release the results.
problem-scan-not-released = The results are there once you release the team scan.
problem-scan-board-estimate-closed = Your estimate is fixed: the school leader has closed the team scan to release its results.

nav-scans = Team scan

## A leader's own team scans
scan-list-title = Professional space team scan
scan-list-lead = How much room do teachers feel to shape their work, alone and together? And how do you see it? The team scan opens the conversation in your school: anonymous, with your own estimate beside it.
scan-own = Your team scans
scan-line-facts = { $answered ->
    [one] 1 answer
   *[other] { $answered } answers
} · closes { $date }
scan-state-open = Running
scan-state-gesloten = Closed
scan-state-vrijgegeven = Released
scan-not-for-your-role = A team scan is started by a school leader for their own school, or by a board member for schools of the organisation.
scan-start = Start a team scan
scan-start-lead = You get a link with a QR code for the staff room, and you can mail personal links. Answers are anonymous: you only see how many people answered.
scan-start-for = For { $school }.
scan-schools = Schools
scan-schools-hint = Choose the school you start the team scan for.
scan-schools-hint-board = Choose one school, or several for one team scan across them: you then also see results per school, where enough people answered.
scan-title-label = Title
scan-title-default = Professional space team scan
scan-teams-label = Teams (optional)
scan-teams-hint = One team per line, for example lower and upper school. Each team gets its own link; per team you see results only where that team and the rest of the school have enough answers.
scan-closes-on = Answers are taken until and including
scan-threshold-label = Threshold
scan-threshold-hint = You only see results once at least this many people answered. 5 by default, never fewer than 3.
scan-start-submit = Start the team scan

## The overview of a running team scan
scan-closes = Answers are taken until and including { $date }.
scan-progress = How many people answered
scan-answered-of-threshold = { $answered ->
    [one] 1 answer
   *[other] { $answered } answers
}; the threshold is { $threshold }.
scan-progress-never-who = You see how many people answered, never who.
scan-release = Release the results
scan-release-hint = Releasing closes the team scan: nobody can answer after that. The results are computed once and kept; the single answers are erased.
scan-below-threshold = Nothing to see yet: below the threshold of { $threshold } answers the results show nothing, so that nobody can be recognised.
scan-estimate-title = Your estimate
scan-estimate-lead = Answer the same statements as you think your team answers them. The largest differences between your estimate and the team are the best conversation starters.
scan-estimated-of = { $done } of { $total } statements estimated
scan-estimate-start = Give your estimate
scan-estimate-continue = Continue your estimate
scan-estimate-page-lead = How do you think your team answers each statement? For each one, choose the answer you expect from your team.
scan-estimate-closed = The results are released: your estimate is fixed.
scan-estimate-save = Save the estimate
scan-autosave-hint = Every answer is saved at once. You can stop and continue later.
scan-share-title = Sharing
scan-share-lead = Put the QR code up in the staff room or the link in a message to your team. A browser that has answered cannot answer again through this link.
scan-share-link = Link for the team
scan-share-replace = Make a new link
scan-link-replaced = A new link was made; the old one no longer works. Whoever had started keeps their answers.
scan-invite-title = Mail personal links
scan-invite-lead = Everyone gets a link of their own that answers once. Answers are not linked to names or addresses.
scan-invite-unit = School or team
scan-invite-addresses = Email addresses
scan-invite-hint = One address per line, or separated by commas. An address that already got a link is skipped.
scan-invite-submit = Mail the links
scan-invited = { $count ->
    [one] 1 personal link mailed.
   *[other] { $count } personal links mailed.
}
scan-invited-count = { $count ->
    [one] 1 address invited
   *[other] { $count } addresses invited
}
scan-delete-title = Delete
scan-delete-open = Delete this team scan
scan-delete-lead = Everything of this team scan is erased: links, answers, your estimate and the results. This cannot be undone.
scan-delete-submit = Delete for good

## Results
scan-results-lead = { $respondents ->
    [one] 1 person answered
   *[other] { $respondents } people answered
}; released on { $date }.
scan-export-csv = CSV (Excel)
scan-export-xlsx = Excel workbook
scan-export-json = JSON
scan-nothing-yet = No results yet
scan-nothing-yet-lead = The results appear when you release them, and only if the threshold was reached.
scan-back-to-overview = Back to the team scan
scan-room-1 = little room
scan-room-2 = some room
scan-room-3 = fair room
scan-room-4 = much room
scan-room-explained = Every figure is about room, from 1 (little) to 4 (much). For a statement where agreeing means less room, "strongly agree" counts as little room. "Don't know" is in no mean.
scan-gaps-title = Where you and your team differ most
scan-gaps-lead = Your estimate beside what the team experiences, largest difference first. These are the conversation starters.
scan-gap-figures = Your estimate { $estimate }, the team { $team }
scan-gap-over = you estimate { $gap } higher
scan-gap-under = you estimate { $gap } lower
scan-dialogue-start = Start a dialogue about these statements
scan-dialogue-hint = A live dialogue with the statements of the largest differences as its cards. Your team takes part on their phones.
scan-dialogue-title = Conversation: { $title }
scan-sections-title = By part
scan-mean = mean { $mean }
scan-spread-label = Number of answers from little to much room
scan-dont-know-count = { $count }× don't know
scan-statement-too-few = Too few answers to show.
scan-killers-title = What takes room away
scan-killers-lead = The room killers of the text, the heaviest first: the lower the figure, the more room it takes away according to your team.
scan-helpers-title = What gives room
scan-helpers-lead = The room helpers of the text, the strongest first.
scan-roles-title = Roles
scan-roles-lead = How many people fulfil a role now, and how many would like to: that is room to hand out.
scan-role = Role
scan-role-now = Does this now
scan-role-would-like = Would like to
scan-other-roles = Other roles named
scan-open-title = Open answers
scan-open-lead = In a fixed order that says nothing about who answered when.
scan-subgroups-title = By school or team
scan-subgroups-lead = Only where that group and the rest have enough answers, so that no group can be worked out by subtraction.
scan-subgroup-respondents = { $count ->
    [one] 1 answer
   *[other] { $count } answers
}
scan-subgroup-hidden = Too few answers to show apart.
scan-changes-title = Compared with last time
scan-changes-lead = How the means changed since "{ $earlier }".
scan-changes-most = The ten statements that changed most; what stayed the same is left out.
scan-change-up = { $change } more room
scan-change-down = { $change } less room
scan-export-statements = Statements
scan-export-section = Part
scan-export-statement = Statement
scan-export-dont-know = Don't know
scan-export-mean = Mean
scan-export-estimate = Estimate
scan-export-gap = Difference
scan-export-elements = Killers and helpers
scan-export-kind = Kind
scan-export-killer = Killer
scan-export-helper = Helper
scan-export-element = Part of the text
scan-export-question = Question
scan-export-answer = Answer
scan-export-unit = School or team
scan-export-respondents = Answers

## A board member's estimate
scan-board-title = Team scans in your organisation
scan-board-lead = As a board member you can give your own estimate for a school leader's team scan: how do you think that team answers the statements? When the results are released, the school leader sees your estimate beside the team's view. You never see who answered what: only how many have answered.
scan-board-estimate-title = Your estimate: { $title }
scan-board-estimate-lead = { $leader } runs this team scan with the team of { $schools }. How do you think that team answers each statement? For each one, choose the answer you expect from the team.
scan-board-estimate-privacy = When the results are released, { $leader } sees your estimate with your name beside the team's view, apart from their own estimate. Until then you can change anything.
scan-board-estimate-closing = The team scan is closed and { $leader } is releasing the results: your estimate is fixed.
scan-board-estimate-closed = The results are released: { $leader } now sees your estimate beside the team's view. Your estimate is fixed.
scan-board-estimate-none = The results are released. You gave no estimate for this team scan, so { $leader } sees none of yours.
scan-board-gaps-title = Estimate of { $name } (board) beside the team's view
scan-board-gaps-lead = How { $name } as a board member thought the team would answer, beside what the team experiences. Largest difference first.
scan-board-gap-figures = Estimate { $estimate }, the team { $team }
scan-board-gap-over = estimated { $gap } higher
scan-board-gap-under = estimated { $gap } lower
scan-export-board-estimate = Estimate { $name }
scan-export-board-gap = Difference { $name }

## The questionnaire
scan-eyebrow = Professional space team scan
scan-asked-by = { $owner } asks you to take part
scan-intro = How much room do you feel to shape your work: its goals, the way you work, your colleagues? Read each statement and choose what fits your experience best. It takes about a quarter of an hour.
scan-answering-for = You answer for: { $unit }.
scan-answer-until = You can answer until and including { $date }.
scan-promise-title = What happens to your answers
scan-promise-threshold = { $owner } only sees results of the whole group, and only once at least { $threshold } people answered. Per school or team only where that group and the rest both have at least as many answers.
scan-promise-count = While the scan runs, { $owner } only sees how many people answered, never who.
scan-promise-nothing-kept = Your name, your email address, your IP address, your device and the time are not kept with your answers.
scan-promise-open = Your open answers stand apart from the rest, in an order that says nothing about who answered when. Write no names in them if you do not want to be recognised.
scan-promise-once = You can hand in once. Until then everything is saved and you can continue later.
scan-start-over-lead = Not you? On a shared computer you may see the answers of a colleague who has not handed in yet. Starting afresh erases the answers waiting in this browser.
scan-start-over = Start afresh
scan-roles-form-title = Roles you can have
scan-roles-form-lead = Besides teaching, teachers can have a role in the school. For each role, say whether you fulfil it now, or would like to.
scan-role-answer-nee = No
scan-role-answer-nu = I do now
scan-role-answer-willen = I would like to
scan-role-answer-beide = I do and want to keep doing
scan-other-role-label = Another role you have now or would like (optional)
scan-open-form-title = In your own words
scan-open-form-hint = Optional. At most 2000 characters per answer.
scan-submit-title = Hand in
scan-submit-lead = After handing in you can no longer change your answers, and this browser cannot answer again.
scan-submit = Hand in
scan-save = Save and continue later
scan-saved-notice = Your answers are saved. You can continue later through the same link.
scan-thanks-title = Thank you
scan-thanks-text = Your answers are handed in. { $owner } only sees them together with others'.
scan-thanks-unlinked = Your answers are separated from your link: nobody can tell which answers are yours.
scan-thanks-once = Through this link and in this browser you cannot answer again.
scan-closed-title = This team scan is closed
scan-closed-text = You can no longer answer: the closing date has passed or the results have been released.
scan-lost-title = This link does not work (any more)
scan-lost-text = Open the link from your mail or scan the QR code again. If that does not work, ask for a new link.

## The invitation by mail
mail-scan-subject = { $name } asks you to take part in the professional space team scan
mail-scan-body = { $name } asks you to fill in a questionnaire about the room you feel to shape your work. It takes about a quarter of an hour. Open your personal link:
mail-scan-closes = You can answer until and including { $date }. Your answers are saved as you go.
mail-scan-anonymity = Your answers are anonymous: { $name } only sees results of groups, only once enough people answered, and never with your name. This link is personal: do not forward it.
