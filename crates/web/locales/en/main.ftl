## Layout
site-description = Leidraad: the professional standard for school leaders as a living tool – browse, search, talk it through and print.
skip-to-content = Skip to content
brand-home = Leidraad, to the home page
nav-label = Main menu
nav-standard = Professional standard
nav-dialogue = Dialogue cards
nav-print = Print
search-label = Search all cards
search-placeholder = Search a card…
search-quick-label = Quick search
search-button = Search
language-switch-label = Language:
footer-text = Leidraad – the professional standard for school leaders, as a tool to learn together. Open source.
breadcrumbs = Breadcrumbs
pager-label = Previous and next card
pager-previous = Previous
pager-next = Next
translation-label = In Dutch:
version = version

## Counts
domain-count = { $count ->
    [one] 1 domain
   *[other] { $count } domains
}
card-count = { $count ->
    [one] 1 card
   *[other] { $count } cards
}
dialogue-card-count = { $count ->
    [one] 1 dialogue card
   *[other] { $count } dialogue cards
}

## Home
home-title = Welcome
home-heading = The professional standard as a living tool
home-lead = Leidraad makes the professional standard for school leaders usable in everyday work: read the five leadership practices and four personal qualities, find a card, draw a dialogue card for your team or peer group and print the whole set.
home-open-standard = Explore the standard
home-open-dialogue = Draw a dialogue card
home-what = What you can do here
home-tile-standard = The professional standard
home-tile-standard-text = { $practices ->
    [one] 1 leadership practice
   *[other] { $practices } leadership practices
}
home-tile-standard-qualities = and { $qualities ->
    [one] 1 personal quality,
   *[other] { $qualities } personal qualities,
}
home-tile-standard-cards = described in { $count } ‘I …’ cards.
home-tile-dialogue = Dialogue cards
home-tile-dialogue-text = { $count } questions to talk about your profession with colleagues. Draw one and begin.
home-tile-search = Search
home-tile-search-text = Find any card by a word, in Dutch or English; capitals and accents don’t matter.
home-tile-print = Print
home-tile-print-text = The whole set as A4 card sheets, with blank cards for statements of your own: ready to cut out.
home-why-heading = Why Leidraad
home-why-text = School leaders grow in their profession by reflecting, asking for feedback and talking things through. The professional standard gives them the language for it. Leidraad takes that language from the paper card set to a tool you use all year round, on your own or with your team.
home-api = For developers: the API (OpenAPI)

## Frameworks and the standard
frameworks-title = Frameworks
toc-title = Contents
kind-practices = Leadership practices
kind-qualities = Personal qualities

## Card
card-number = Card { $number }
card-position = Card { $number }
card-of = of { $count }
card-domain-others = All cards of

## Dialogue cards
dialogue-cards = Dialogue cards
dialogue-card = Dialogue card
dialogue-lead = Questions that open up the conversation about the school leader’s profession, in your team, your peer group or with your coach. Draw a card or choose one yourself.
dialogue-draw = Draw a card
dialogue-draw-again = Draw another card
dialogue-number = Dialogue card { $number }

## Search
search-title = Search
search-hint = Searches every card and dialogue card, in Dutch and in English. Capitals and accents don’t matter: ‘creeer’ finds ‘creëer’.
search-result-count = { $count ->
    [0] No cards found
    [one] 1 card found
   *[other] { $count } cards found
}
search-nothing = Try another or a shorter word, or search in Dutch.
search-found-in-other = Found in the Dutch text:
search-empty = Type a word to search for.

## Print
print-title = Print the card set
print-lead = The whole set as A4 sheets with eight cards each. Print on sturdy paper at actual size and cut along the dotted lines.
print-blank-count = { $count ->
    [one] 1 blank card
   *[other] { $count } blank cards
}
print-sheet-count = { $count ->
    [one] 1 sheet
   *[other] { $count } sheets
}
print-sheet = Sheet { $number }
print-button = Print
print-without-blanks = Without blank cards
print-with-blanks = With blank cards
print-back = Back to the standard
print-hint = Tip: choose ‘Actual size’ (100%) in the print dialogue and turn off headers and footers.
print-blank-card = I …

## Errors
error-eyebrow = Error code
error-home = Go to the home page
error-search = Search a card
problem-bad-request-title = This request is not right
problem-bad-request = We can’t use what was sent. Nothing was changed.
problem-not-found-title = Page not found
problem-not-found = This page doesn’t exist (any more). Perhaps the address was copied wrongly.
problem-method-not-allowed-title = That isn’t possible here
problem-method-not-allowed = This address doesn’t support this action. Nothing was changed.
problem-timeout-title = This took too long
problem-timeout = The answer took too long. Please try again in a moment.
problem-too-large-title = Too much data
problem-too-large = What was sent is too large. Nothing was changed.
problem-unsupported-media-type-title = Unknown format
problem-unsupported-media-type = We can’t read this format. Nothing was changed.
problem-internal-title = Something went wrong
problem-internal = Something went wrong on our side. Nothing was lost; please try again in a moment.
problem-query-too-long-title = Search too long
problem-query-too-long = Your search is longer than 200 characters. Shorten it and try again.
problem-query-too-many-terms-title = Too many search words
problem-query-too-many-terms = Use at most 12 words in your search.
problem-unknown-language-title = Unknown language
problem-unknown-language = Choose Dutch (nl) or English (en).
problem-bad-return-path-title = Invalid address
problem-bad-return-path = After switching language we can only return to a page of Leidraad.

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
school-delete = Delete
school-none-chosen = No school
members-title = Members
member-remove = Remove from the organisation
audit-log-title = Audit log
audit-when = Time
audit-event = Event
audit-outcome = Outcome
audit-actor = By
audit-subject = Concerning
audit-detail = Details
outbox-title = Outgoing mail
outbox-lead = Mail that could not be sent over SMTP is kept as an .eml file in { $folder }.
outbox-recipient = To
outbox-subject = Subject
outbox-sent = sent
outbox-filed = in the outbox:
outbox-failed = neither sent nor saved
outbox-waiting = waiting to be sent
profile-title = Your profile
profile-account = Account
profile-password = Change password
profile-password-submit = Change password
profile-sessions = Where you are signed in
profile-tokens = API keys
profile-tokens-lead = With a personal key a script can use the API on your behalf (Authorization: Bearer …). Treat it like a password.
profile-data = Your data
profile-data-lead = Download everything Leidraad keeps about you.
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
delete-account-lead = This permanently removes your account, memberships, sessions and keys. It cannot be undone.
delete-account-submit = Permanently delete my account
notice-password-reset = Your password has been changed. Sign in with the new password.
notice-signed-out = You are signed out.
notice-account-deleted = Your account has been deleted.
notice-name-saved = Your name has been saved.
notice-password-changed = Your password has been changed; your other sessions have ended.
notice-session-ended = The session has ended.
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
problem-invitation-closed = This invitation has been used, revoked or has expired. Ask the admin for a new one.
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

## Reflections
nav-reflections = Self-reflection
autosave-saving = Saving…
autosave-saved = Saved
autosave-failed = Not saved: check the connection. What you chose is still on the screen.
card = Card
domain = Domain
previous = Previous
next = Next
pile-nog-niet = not yet
pile-soms = sometimes
pile-vaak = often
pile-vanzelfsprekend = second nature
pile-kan-niet-beoordelen = can't judge
pile-unsorted = not sorted yet
reflections-title = Self-reflection
reflections-lead = Lay the cards of the professional standard on four piles: not yet, sometimes, often, second nature. Everything is saved at once; you can always continue later.
reflection-start = Start a new moment
reflection-organisation = Organisation
reflection-domains = Domains
reflection-domains-hint = Choose nothing for the whole standard, or choose the domains you want to reflect on now.
reflection-prefill = Start with the piles of my last finished reflection
reflection-start-submit = Start
reflection-moments = Your moments
reflection-none = You have no reflection yet. Start your first moment above.
reflection-started-on = Started on { $date }
reflection-finished-on = finished on { $date }
reflection-open = still open
reflection-continue = Continue sorting
reflection-compare = Compare two moments
reflection-compare-with = with
reflection-compare-submit = Compare
reflection-compare-with-date = Compare with the moment of { $date }
reflection-shared-with-me = Shared with me
reflection-by = Reflection by { $name }
reflection-next-steps = Next
reflection-finish-lead = Done? Finishing fixes the date and makes this reflection read-only. Then you can share it, and later compare it with a new moment.
reflection-finish = Finish the reflection
sort-title = Sorting the cards
sort-to-profile = To the profile
sort-list-view = Per domain as a list
sort-one-by-one = Card by card
sort-progress = Card { $position }
sort-sorted = { $count } sorted
sort-piles-legend = Which pile does this card go on?
sort-keys-hint = Keys 1 to 4 choose a pile.
sort-star = I want to work on this
sort-note = Why? (note)
sort-evidence = Evidence (text or a link)
sort-pager = Cards
sort-done = To the profile
sort-pile = Pile
own-card = own card
own-cards = Own cards
own-cards-left = You can add { $count } more own card(s) here, like the blank cards of the printed set.
own-card-text = Text of your own card (‘I …’)
own-card-add = Add own card
own-card-delete = Delete
profile-reflection-title = Profile
profile-per-domain = Per domain
profile-radar-title = Radar of the mean score per domain (1 to 4); the table beside it gives the same figures.
profile-table-caption = Cards per pile and mean score per domain
profile-score = Score
profile-spread = Spread
profile-strengths = Strengths (second nature)
profile-growth-points = Growth points (not yet, or starred)
profile-none = None yet.
profile-all-cards = All cards
focus-title = Focus cards for the coming year
focus-lead = Choose at most three growth points to work on this year: more than two or three themes a year rarely works.
focus-none = No focus cards chosen yet. Choose them among your growth points.
focus-choose = Choose as focus
focus-remove = Remove
share-title = Share
share-lead = This reflection is yours alone. You can share it with a person you name, such as your board member or coach, and withdraw that at any time.
share-email = Email address of the person
share-submit = Share
share-withdraw = Withdraw
compare-title = Two moments compared
compare-domains-caption = Mean score per domain at both moments
compare-change = Change
compare-moves = Cards that changed pile
compare-no-moves = No card changed pile.
notice-reflection-finished = The reflection is finished.
notice-reflection-shared = The reflection has been shared.
notice-reflection-unshared = The share has been withdrawn.
notice-focus-saved = Your focus cards have been updated.
problem-organisation-unknown-title = Unknown organisation
problem-organisation-unknown = Choose an organisation you are a member of.
problem-pile-invalid-title = Unknown pile
problem-pile-invalid = Choose a pile: 1 not yet, 2 sometimes, 3 often or 4 second nature.
problem-card-not-in-reflection-title = Card does not belong here
problem-card-not-in-reflection = This card is not part of this reflection.
problem-text-too-long-title = Text too long
problem-text-too-long = This text is too long (at most 2000 characters; an own card at most 300).
problem-text-invalid-title = Invalid text
problem-text-invalid = This text holds characters that cannot be used here.
problem-own-card-empty-title = Empty card
problem-own-card-empty = Write a text on your own card.
problem-own-cards-full-title = No blank cards left
problem-own-cards-full = This domain already has four own cards, as in the printed set.
problem-domain-unknown-title = Unknown domain
problem-domain-unknown = Choose domains of the standard.
problem-domain-not-in-reflection-title = Domain does not belong here
problem-domain-not-in-reflection = This domain is not part of this reflection.
problem-framework-unknown-title = Unknown framework
problem-framework-unknown = This framework does not exist.
problem-prefill-unknown-title = Earlier reflection unknown
problem-prefill-unknown = You can only start from an earlier reflection of your own on the same framework.
problem-reflection-finished-title = Reflection finished
problem-reflection-finished = This reflection is finished and cannot change any more. Start a new moment to go on.
problem-reflection-not-finished-title = Not finished yet
problem-reflection-not-finished = Finish the reflection first; then you can share it.
problem-focus-too-many-title = Three is enough
problem-focus-too-many = You already have three focus cards. More than two or three themes a year rarely works: remove one first if you want to choose another.
problem-focus-not-a-growth-point-title = Not a growth point
problem-focus-not-a-growth-point = Choose a focus card from your growth points: cards on ‘not yet’ or with a star.
problem-focus-already-chosen-title = Already chosen
problem-focus-already-chosen = This card is already a focus card.
problem-compare-other-framework-title = Cannot compare
problem-compare-other-framework = These two reflections are about different frameworks.
problem-share-person-unknown-title = Unknown person
problem-share-person-unknown = There is no (other) Leidraad user with this email address.
problem-anonymity-threshold-too-low = An anonymity threshold is at least 3: with fewer people, answers can be traced back to who gave them.
problem-anonymity-comments-below-group = The threshold for comments cannot be lower than the one for the group.
