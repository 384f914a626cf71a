# The professional-space team scan.

problem-scan-answer-invalid = Choose one of the answers: strongly disagree, disagree, agree, strongly agree or don't know.
problem-scan-threshold-too-low = A team scan's threshold is at least 3: with fewer answers, anyone can work out who answered what. Without a choice it is 5.
problem-scan-statement-unknown = This statement is not part of the team scan. Reload the questionnaire and try again.
problem-scan-role-unknown = This role is not part of the team scan. Choose one of the roles in the list.
problem-scan-open-question-unknown = This open question is not part of the team scan. Reload the questionnaire and try again.
problem-scan-open-answer-invalid = An answer to an open question has at most 2000 characters, without hidden control characters.
problem-scan-answered-twice = You answered a statement, role or open question twice. Give each answer once.
