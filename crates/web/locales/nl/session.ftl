## A session that ended while someone was working
problem-session-ended-title = Sessie verlopen
problem-session-ended = Je sessie is verlopen. Log opnieuw in; wat je typte, blijft op dit apparaat bewaard.
notice-session-ended = Je sessie is verlopen. Log opnieuw in; daarna ga je verder waar je was.
