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
