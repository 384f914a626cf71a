# De teamscan professionele ruimte.

problem-scan-answer-invalid = Kies een van de antwoorden: helemaal oneens, oneens, eens, helemaal eens of weet ik niet.
problem-scan-threshold-too-low = De drempel van een teamscan is minstens 3: met minder antwoorden is te herleiden wie wat heeft geantwoord. Zonder keuze is hij 5.
problem-scan-statement-unknown = Deze stelling hoort niet bij de teamscan. Laad de vragenlijst opnieuw en probeer het nog eens.
problem-scan-role-unknown = Deze rol hoort niet bij de teamscan. Kies een van de rollen uit de lijst.
problem-scan-open-question-unknown = Deze open vraag hoort niet bij de teamscan. Laad de vragenlijst opnieuw en probeer het nog eens.
problem-scan-open-answer-invalid = Je antwoord op een open vraag mag hoogstens 2000 tekens lang zijn, zonder verborgen stuurtekens.
problem-scan-answered-twice = Je hebt een stelling, rol of open vraag twee keer beantwoord. Geef elk antwoord één keer.
