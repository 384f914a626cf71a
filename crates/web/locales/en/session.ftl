## A session that ended while someone was working
problem-session-ended-title = Session ended
problem-session-ended = Your session has ended. Sign in again; what you typed stays on this device.
notice-session-ended = Your session has ended. Sign in again and you will continue where you were.
