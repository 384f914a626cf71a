## 360° feedback: the report of a closed round, its print view and downloads

report-title = 360° feedback report
report-lead-own = How others see you, beside your own view. A group with too few answers is left out, so that nobody can be recognised.
report-lead-shared = { $name } shared this report with you: their own view beside that of others.
report-released-on = Released on { $date }
report-notice-focus = The card is now among the focus cards of your latest reflection.
report-notice-gedeeld = The report is shared.
report-notice-ingetrokken = The share is withdrawn.
report-toc = On this page
report-groups = Who answered
report-identifiable = identifiable
report-anonymity-hint = A group is in the report only when enough people answered. A group with too few answers counts nowhere, not in ‘all others’ either, and the report does not say how many there were.
report-others-count = { $count ->
    [one] All others together: 1 rater
   *[other] All others together: { $count } raters
}
report-others-none = No group had enough answers. That is why only the self-rating is shown here.
report-group-respondents = { $count ->
    [one] 1 rater
   *[other] { $count } raters
}
report-group-hidden = too few answers
report-group-comments-hidden = comments not shown: too few answers
report-per-domain = Per domain
report-scale-hint = Means on the scale from 1 (not yet) to 4 (second nature). The spread says how far the ratings lie apart: the smaller, the more they agree.
report-chart-title = Self-rating and all others, per domain
report-chart-table-hint = The table below gives the same figures, also per group.
report-domains-caption = Mean per domain: self-rating, each group and all others together
report-self = Self
report-others = All others
report-self-none = not rated
report-too-few-ratings = too few ratings
report-score-detail = { $count ->
    [one] spread { $spread } · 1 rating
   *[other] spread { $spread } · { $count } ratings
}
report-cannot-judge-count = { $count } × can't judge
report-differences = What stands out
report-none = No cards.
report-blind-spots = Blind spots
report-blind-spots-lead = The self-rating is at least a point above that of others.
report-hidden-strengths = Hidden strengths
report-hidden-strengths-lead = Others rate at least a point above the self-rating.
report-highest = Rated highest
report-highest-lead = Where all others together rate highest.
report-lowest = Rated lowest
report-lowest-lead = Where all others together rate lowest.
report-agreement = Agreement
report-agreement-lead = The groups lie at most half a point apart here.
report-disagreement = Disagreement
report-disagreement-lead = The groups differ by a point or more here.
report-figures-self-others = self { $own } · others { $others }
report-figures-others = others { $others }
report-focus-add = Make focus card
report-per-card = Per card
report-cards-caption = { $domain }: per card the self-rating, each group and all others together
report-comments-on = Comments on { $domain }
report-comments-general = General comments
report-next = Next steps
report-focus-title = Focus cards
report-focus-lead = Choose a card to work on, a blind spot for instance. It joins the focus cards of your latest finished reflection: at most three.
report-focus-card = Card
report-focus-submit = Add to your focus cards
report-share-title = Share
report-share-lead = This report is yours alone. You can share it with a colleague you name, such as your coach or board member, and withdraw that at any time.
report-share-withdraw-named = Withdraw the share with { $name }
report-back = Back to the report
report-request = The request to the raters

## Downloads

report-file = leidraad-360-report
report-sheet-cards = Per card
report-sheet-domains = Per domain
report-sheet-groups = Groups
report-sheet-comments = Comments
report-sheet-differences = What stands out
report-col-mean = { $who }: mean
report-col-spread = { $who }: spread
report-col-ratings = { $who }: ratings
report-col-cannot-judge = { $who }: can't judge
report-col-group = Group
report-col-shown = Shown
report-col-respondents = Raters
report-col-comments-shown = Comments shown
report-col-comment = Comment
report-col-list = List
