# The development plan's API: what can only go wrong there.

problem-plan-year-last-title = No next school year
problem-plan-year-last = This is the last school year Leidraad makes plans for, so a theme cannot be carried into the year after it.
