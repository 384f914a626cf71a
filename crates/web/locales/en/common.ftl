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
home-signed-in = Welcome back, { $name }.
home-signed-in-text = On My Leidraad you see what you are working on and what you can do now.
home-to-start = Go to My Leidraad

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


## The anonymity rules (360° feedback, team scan)
problem-anonymity-threshold-too-low = An anonymity threshold is at least 3: with fewer people, answers can be traced back to who gave them.
problem-anonymity-comments-below-group = The threshold for comments cannot be lower than the one for the group.
# The button that opens the site menu on a phone.
menu-button = Menu
