## Accounts
copy-link = Copy the link
copy-token = Copy the key
copied = Copied
account-nav-label = Account
nav-organisations = Organisations
sign-in = Sign in
sign-out = Sign out
actions = Actions
save = Save
rename = Rename
field-email = Email address
field-name = Name
field-password = Password
field-new-password = New password
field-password-again = New password again
field-current-password = Current password
field-organisation-name = Name of the organisation (school board)
field-roles = Roles
field-school = School
field-schools = Schools
field-school-name = Name of the school
field-new-school = New school
field-token-name = Name of the key
hint-password = At least 12 characters. A sentence of a few words works well; common passwords are refused.
role-admin = admin
role-board-member = board member
role-school-leader = school leader
role-staff = staff
role-coach = coach
setup-title = Set up Leidraad
setup-lead = There is nobody here yet. Create the first organisation and your own account as its admin; then invite others.
setup-submit = Create organisation and account
forgot-password-link = Forgot your password?
forgot-title = Forgot your password
forgot-lead = Enter your email address. If it belongs to an account, we will send a link to choose a new password. The link works once, for one hour.
forgot-submit = Send the link
forgot-sent = If this address belongs to an account, a link is on its way. Check your junk mail too.
reset-title = Choose a new password
reset-submit = Save password
invitation-title = Invitation
invitation-heading = Invitation to { $organisation }
invitation-lead = You are invited as
invitation-accept = Create account and join
invitation-join = Join
invitation-existing-account = An account with this email address already exists. Sign in with that account to accept the invitation.
invitation-link-label = Invitation sent. You can also pass on this link yourself; it works for 7 days:
invitation-send = Invite
invitation-revoke = Revoke
invitation-status = Status
invitation-open-until = open until { $when }
invitation-accepted-at = accepted on { $when }
invitation-revoked-at = revoked on { $when }
invitation-expired-at = expired on { $when }
invitations-title = Invitations
organisations-title = Your organisations
organisations-none = You are not a member of any organisation (yet). An admin can invite you.
organisation-eyebrow = Organisation
organisation-your-roles = Your roles:
schools-title = Schools
schools-none = No schools yet.
school-add = Add school
school-delete = Delete…
school-none-chosen = No school
members-title = Members
member-remove-lead = Someone you remove from { $organisation } loses their roles and schools here and no longer sees the organisation. Their account and their own self-reflections stay.
member-remove-confirm = Yes, remove { $name } from the organisation
member-remove = Remove from the organisation
audit-log-title = Audit log
audit-when = Time
audit-event = Event
audit-outcome = Outcome
audit-actor = By
audit-subject = Concerning
audit-detail = Details
outbox-title = Outgoing mail
outbox-lead = All mail Leidraad sent on behalf of this organisation, such as invitations and links for a new password. The contents are not shown here: a link is for its recipient only.
outbox-folder-question = Where does mail go that could not be sent?
outbox-folder-answer = When no mail server is set up, or it refuses a message, Leidraad keeps the message as a file on the server, in this folder. Whoever runs the server can find it there and pass it on.
outbox-file = file
outbox-empty = No mail has been sent yet.
outbox-recipient = To
outbox-subject = Subject
outbox-sent = sent
outbox-filed = not sent, kept as a file
outbox-failed = neither sent nor saved
outbox-waiting = waiting to be sent
account-title = My account
account-details = Your details
account-password = Change password
account-password-submit = Change password
account-sessions = Where you are signed in
account-tokens = API keys
account-tokens-lead = With a personal key a script can use the API on your behalf (Authorization: Bearer …). Treat it like a password.
account-data = Download your data
account-data-lead = Download everything Leidraad keeps about you.
session-browser = Browser
session-started = Signed in on
session-last-seen = Last active
session-this = this session
session-end = End
token-create = Create key
token-created = Your new key. Copy it now: it will not be shown again.
token-created-at = Created on
token-last-used = Last used
token-revoke = Revoke
export-json = Everything as JSON
export-memberships = Memberships (CSV)
export-sessions = Sessions (CSV)
export-tokens = API keys (CSV)
export-audit = Audit log about you (CSV)
delete-account = Delete account
delete-account-lead = Your account then disappears for good, with your memberships, reflections, sessions and keys. The next page shows exactly what will go before you confirm.
notice-password-reset = Your password has been changed. Sign in with the new password.
notice-signed-out = You are signed out.
notice-account-deleted = Your account has been deleted.
notice-name-saved = Your name has been saved.
notice-password-changed = Your password has been changed; you have been signed out everywhere else.
notice-other-session-ended = The session has ended.
notice-token-revoked = The key has been revoked.
notice-school-saved = The school has been saved.
notice-school-deleted = The school has been deleted.
notice-member-saved = The member has been updated.
notice-member-removed = The member has been removed from the organisation.
notice-invitation-revoked = The invitation has been revoked.
notice-organisation-renamed = The organisation has been renamed.
notice-invitation-sent = Invitation for { $email } created.
mail-invitation-subject = Invitation to Leidraad from { $organisation }
mail-invitation-body = You are invited to join Leidraad at { $organisation }. Open this link to create your account:
mail-invitation-expiry = The link works for 7 days. Not expecting this invitation? Then you can ignore this mail.
mail-reset-subject = New password for Leidraad
mail-reset-body = Someone (hopefully you) asked for a new password for your Leidraad account. Choose it through this link:
mail-reset-expiry = The link works once, for one hour. Did not ask for it? Then ignore this mail; your password stays as it is.
problem-sign-in-throttled = Too many failed attempts. Try again in { $minutes } minutes, or ask for a new password.
problem-sign-in-refused = This email address and password do not match.
problem-unauthorized-title = Not signed in
problem-unauthorized = Sign in, or send a valid API key.
problem-forbidden-title = No access
problem-forbidden = Your role in this organisation does not allow this.
problem-cross-site-title = Request refused
problem-cross-site = This request did not come from this page, or the page has expired. Reload the page and try again.
problem-too-many-attempts-title = Too many attempts
problem-too-many-attempts = Too many attempts in a row. Wait a moment and try again.
problem-email-taken-title = Email address in use
problem-email-taken = An account with this email address already exists.
problem-school-name-taken-title = Name in use
problem-school-name-taken = This organisation already has a school of that name.
problem-last-admin-title = Last admin
problem-last-admin = An organisation always keeps at least one admin. Make someone else admin first.
problem-invitation-closed-title = Invitation no longer valid
problem-invitation-closed = This invitation has been used, revoked or has expired. Ask whoever invited you for a new one.
problem-reset-link-closed-title = Link no longer valid
problem-reset-link-closed = This link has been used or has expired, or the password has changed since. Ask for a new link.
problem-not-a-form-title = Not a form
problem-not-a-form = This address expects a filled-in form.
problem-role-unknown-title = Unknown role
problem-role-unknown = Choose from admin, board member, school leader, staff and coach.
problem-roles-empty-title = No role chosen
problem-roles-empty = Choose at least one role.
problem-school-unknown-title = Unknown school
problem-school-unknown = That school does not belong to this organisation.
problem-organisation-name-empty = Enter the name of the organisation.
problem-organisation-name-too-long = The name of the organisation can be at most 120 characters.
problem-school-name-empty-title = Name missing
problem-school-name-empty = Enter the name of the school.
problem-school-name-too-long-title = Name too long
problem-school-name-too-long = The name of a school can be at most 120 characters.
problem-password-mismatch = The two new passwords differ.
problem-current-password-wrong = The current password is not right.
problem-invitation-sign-in-first = First sign in with the account of this email address.
problem-token-name-empty-title = Name missing
problem-token-name-empty = Give the key a name, so you recognise it later.
problem-token-name-too-long-title = Name too long
problem-token-name-too-long = The name of a key can be at most 60 characters.
problem-organisation-name-invalid = The organisation's name holds characters that do not belong in a name, such as a line break.
problem-school-name-invalid = The school's name holds characters that do not belong in a name, such as a line break.
problem-token-name-invalid = The key's name holds characters that do not belong in a name, such as a line break.
problem-email-empty = Enter an email address.
problem-email-invalid = This is not a valid email address. Check that it has one @, as in name@school.nl.
problem-email-too-long = This email address is too long.
problem-email-local-part-empty = Something is missing before the @.
problem-email-local-part-invalid = The part before the @ has characters that do not belong in an email address.
problem-email-local-part-too-long = The part before the @ is too long (at most 64 characters).
problem-email-domain-invalid = The part after the @ is not a valid domain name, such as school.nl.
problem-email-domain-not-ascii = Write the domain name after the @ without accents or special characters.
problem-name-empty = Enter a name.
problem-name-invalid = This name has characters that do not belong in a name.
problem-name-too-long = This name is too long (at most 100 characters).
problem-password-too-short = Choose a password of at least 12 characters. A sentence of a few words works well.
problem-password-too-long = A password can be at most 128 characters.
problem-password-common = This password is on the list of common passwords and therefore easy to guess. Choose another.
problem-password-like-email = A password cannot be your email address.

## Deleting one's account: first "are you sure?"
delete-account-start = Delete account…
delete-account-title = Are you sure?
delete-account-losses = This goes for good
delete-loses-account = your account { $email }, with your name and password
delete-loses-memberships = your membership of { $organisations }
delete-loses-reflections = { $count ->
    [0] no self-reflections (you have none yet)
    [one] your self-reflection, with your notes and focus cards
   *[other] your { $count } self-reflections, with your notes and focus cards
}
delete-loses-shares = { $count ->
    [one] what you shared: whoever could read your reflection no longer can
   *[other] what you shared: whoever could read your { $count } shared reflections no longer can
}
delete-loses-tokens = { $count ->
    [0] no API keys
    [one] your API key
   *[other] your { $count } API keys
}
delete-loses-sessions = your sessions: you are signed out everywhere
delete-account-kept = What others shared with you, you can no longer read. Your organisation's audit log keeps its events, without your name.
delete-account-final = This cannot be undone. Download your data first if you want to keep it.
delete-account-last-admin = You are the only admin of { $organisations }. Make someone else admin first; otherwise nobody can manage that organisation any more.
delete-account-password-hint = Enter your password to confirm it is you.
delete-account-keep = No, keep my account
delete-account-submit = Yes, delete my account
problem-confirmation-missing-title = Not confirmed
problem-confirmation-missing = You have not confirmed that you want this yet. Nothing has changed; confirm below if you are sure.

## Deleting a school: first "are you sure?"
school-delete-title = Are you sure?
school-delete-heading = If you delete { $school }
school-delete-members = { $count ->
    [0] No members belong to this school.
    [one] 1 member belongs to this school. They stay a member of the organisation, but belong to no school afterwards.
   *[other] { $count } members belong to this school. They stay members of the organisation, but no longer belong to this school.
}
school-delete-invitations = { $count ->
    [0] No invitations to this school are open.
    [one] 1 open invitation is for this school. It stays valid, for the organisation without a school.
   *[other] { $count } open invitations are for this school. They stay valid, for the organisation without a school.
}
school-delete-leaders = A school leader of this school no longer sees the school's members afterwards.
school-delete-final = This cannot be undone; adding a school of the same name attaches nobody again.
school-delete-submit = Yes, delete { $school }
school-delete-keep = No, keep the school
schools-yours = { $count ->
    [one] Your school
   *[other] Your schools
}
schools-none-of-yours = You do not belong to a school of this organisation yet. Ask an admin to attach you to your school.
schools-not-for-your-role = With your role you see no schools or members here. What school leaders share with you is on My Leidraad.

## Inviting someone who is a member already
problem-already-member-title = Already a member
problem-already-member = Someone with this email address is a member of this organisation already. No invitation has been sent; change their roles or school on the member's own page.

## A reset or invitation link that no longer works
link-reset-closed-title = This link no longer works
link-reset-closed = A link for a new password works once, for one hour, and lapses as soon as your password changes. This link has been used or has expired.
link-reset-unknown-title = We do not know this link
link-reset-unknown = Perhaps the link was not copied from the mail in full.
link-reset-todo = Ask for a new link; it arrives within a few minutes. Remember your password again? Then just sign in.
link-reset-request = Ask for a new link
link-invitation-unknown-title = We do not know this invitation
link-invitation-unknown = Perhaps the link was not copied from the mail in full. Copy the whole link and try again, or ask whoever invited you for a new invitation.
link-invitation-accepted-title = This invitation has been accepted already
link-invitation-accepted = The invitation to { $organisation } has been used: the account exists.
link-invitation-accepted-todo = Sign in with your email address and password. Forgot your password? Then ask for a new one.
link-invitation-revoked-title = This invitation has been withdrawn
link-invitation-revoked = The invitation to { $organisation } has been withdrawn and no longer works.
link-invitation-expired-title = This invitation has expired
link-invitation-expired = An invitation works for 7 days. The one to { $organisation } has expired.
link-invitation-ask = Ask { $name } for a new invitation.
link-invitation-ask-admin = Ask an admin of { $organisation } for a new invitation.

## The audit log in words (the log itself keeps codes)
audit-log-lead = Who did what in this organisation, newest first. Passwords, links and what people write never appear here.
audit-no-roles = no role
audit-detail-cli = from the command line
audit-event-setup = Leidraad set up
audit-event-organisation-created = organisation created
audit-event-sign-in = sign-in
audit-event-invitation = invitation
audit-event-role-change = roles changed
audit-event-member-removed = member removed
audit-event-password-change = password changed
audit-event-password-reset = new password through a link
audit-event-api-token = API key
audit-event-export = data downloaded
audit-event-erasure = account deleted
audit-event-reflection-share-try = attempt to share a reflection
audit-event-reflection-share = reflection shared
audit-outcome-succeeded = succeeded
audit-outcome-failed = failed
audit-outcome-throttled = held back after too many attempts
audit-outcome-created = created
audit-outcome-accepted = accepted
audit-outcome-revoked = revoked
audit-outcome-tried = tried
audit-outcome-refused = refused
