# The professional-space team scan.

problem-scan-answer-invalid = Choose one of the answers: strongly disagree, disagree, agree, strongly agree or don't know.
