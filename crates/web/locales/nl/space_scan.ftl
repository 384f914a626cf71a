# De teamscan professionele ruimte.

problem-scan-answer-invalid = Kies een van de antwoorden: helemaal oneens, oneens, eens, helemaal eens of weet ik niet.
problem-scan-threshold-too-low = De drempel van een teamscan is minstens 3: met minder antwoorden is te herleiden wie wat heeft geantwoord. Zonder keuze is hij 5.
problem-scan-statement-unknown = Deze stelling hoort niet bij de teamscan. Laad de vragenlijst opnieuw en probeer het nog eens.
problem-scan-role-unknown = Deze rol hoort niet bij de teamscan. Kies een van de rollen uit de lijst.
problem-scan-open-question-unknown = Deze open vraag hoort niet bij de teamscan. Laad de vragenlijst opnieuw en probeer het nog eens.
problem-scan-open-answer-invalid = Je antwoord op een open vraag mag hoogstens 2000 tekens lang zijn, zonder verborgen stuurtekens.
problem-scan-answered-twice = Je hebt een stelling, rol of open vraag twee keer beantwoord. Geef elk antwoord één keer.
problem-scan-label-invalid = Een titel of teamnaam heeft 1 tot 80 tekens, op één regel.
problem-scan-closed = Deze teamscan neemt geen antwoorden meer aan: hij is gesloten of de sluitingsdatum is voorbij.
problem-scan-already-answered = Via deze link is al geantwoord. Een link geeft één antwoord.
problem-scan-text-changed = Deze tekst is intussen ergens anders gewijzigd. Bekijk beide versies en kies wat je wilt bewaren.
problem-scan-released = De resultaten van deze teamscan zijn al vrijgegeven.
problem-scan-too-few-responses = Er hebben nog te weinig mensen geantwoord: onder de drempel laten de resultaten niets zien. Wacht tot de drempel gehaald is.
problem-scan-threshold-invalid = Vul de drempel in als een heel getal, 3 of meer.
problem-scan-school-unknown = Kies een school van de organisatie.
problem-scan-teams-too-many = Een teamscan kan in hoogstens 12 teams verdeeld worden.
problem-scan-team-twice = Elk team heeft een eigen naam: een naam komt één keer voor.
problem-scan-teams-one-school = Teams kun je alleen maken in een teamscan van één school.
problem-scan-email-invalid = Vul e-mailadressen in, één per regel (of gescheiden door komma's). Een van de regels is geen e-mailadres.
problem-scan-invitations-too-many = Stuur hoogstens 500 uitnodigingen tegelijk.
problem-scan-response-empty = Beantwoord minstens één stelling voordat je inlevert.
