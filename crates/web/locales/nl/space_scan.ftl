# De teamscan professionele ruimte.

problem-scan-answer-invalid = Kies een van de antwoorden: helemaal oneens, oneens, eens, helemaal eens of weet ik niet.
