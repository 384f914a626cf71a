## My Leidraad: the personal start page
start-title = My Leidraad
start-greeting = Welcome, { $name }. Here you see what you are working on and what you can do now.
start-notice-welcome = Your account is ready. Good to have you here!
start-notice-joined = You have accepted the invitation.
start-notice-set-up = Leidraad is set up. Add your schools below and invite your colleagues.
start-welcome-heading = What Leidraad is for you
start-welcome-lead = Leidraad makes the professional standard for school leaders usable in everyday work. This is you here:
start-open-heading = What you are working on
start-next-heading = What you can do now
start-belongings-heading = Your organisations
start-shared-heading = Shared with you
start-shared-none = Nobody has shared a reflection with you yet. When a school leader shares their profile with you, it appears here.
start-managed-heading = What you manage
start-overseen-heading = Your organisations
start-scope-whole = The whole professional standard
start-no-school = You do not belong to a school yet; an admin can attach you to your school.
start-your-schools = School: { $schools }
start-open-organisation = Go to the organisation
start-invite = Invite someone
start-kind-reflection = Self-reflection
start-started-at = Started on { $when }
start-worked-at = last worked on { $when }
start-finished-on = Finished on { $date }
start-cards-sorted = of { $total } cards sorted
start-continue-sorting = Continue sorting
start-see-profile = See the profile so far
start-to-finish = Review and finish
start-move-cards = Move cards
start-read-profile = Read the profile
start-count-members = { $count ->
    [one] 1 member
   *[other] { $count } members
}
start-count-schools = { $count ->
    [0] no schools yet
    [one] 1 school
   *[other] { $count } schools
}
start-count-invitations = { $count ->
    [0] no open invitations
    [one] 1 open invitation
   *[other] { $count } open invitations
}
start-role-admin = As an admin you set up the organisation: schools, members and their roles, invitations. You see the audit log and the outgoing mail.
start-role-board-member = As a board member you see the schools and members of your board, and read the reflections school leaders share with you. Soon you will also see anonymised overviews of your schools here.
start-role-school-leader = As a school leader you reflect on the professional standard: you sort the cards onto four piles, see your profile and choose what to work on this year. You can share your profile with your coach or board member.
start-role-staff = As a staff member you read the professional standard and draw dialogue cards for conversations in your team. Soon you will also give anonymous feedback to your school leader and answer the team scan here. You can reflect on the cards yourself too.
start-role-coach = As a coach you use the cards in conversations and read the reflections school leaders share with you. You can reflect yourself too.
start-step-first-reflection = Start your first self-reflection
start-step-first-reflection-text = Sort the cards of the professional standard onto four piles: not yet, sometimes, often, second nature. Choose the whole standard or a few domains. Everything is saved at once.
start-step-first-reflection-go = Start a self-reflection
start-step-focus = Choose your focus cards
start-step-focus-text = Your latest reflection is finished. Choose at most three of your growth points to work on this year.
start-step-focus-go = Choose focus cards
start-step-share = Share your profile if you like
start-step-share-text = Let your coach or board member read your finished reflection. You can always withdraw it again.
start-step-share-go = Go to the profile
start-step-new-moment = Start a new moment
start-step-new-moment-text = You finished your latest reflection on { $date }. A new moment shows what has changed since.
start-step-new-moment-go = Start a new moment
start-step-schools = Add your schools
start-step-schools-text = { $organisation } has no schools yet. With schools, school leaders see their own team.
start-step-schools-go = Add schools
start-step-invite = Invite your colleagues
start-step-invite-text = You are still the only one in { $organisation }. Invite school leaders, staff, board members or a coach.
start-step-invite-go = Invite someone

## The reflections overview, for a role that does not reflect
reflections-not-for-your-role = Self-reflection is for school leaders, staff and coaches. With your role you read here the reflections others share with you.
reflections-nothing-shared = Nobody has shared a reflection with you yet. What you can do now is on
