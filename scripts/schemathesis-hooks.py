"""Schemathesis hooks for scripts/schemathesis (loaded through scripts/schemathesis.toml).

One check replaces the built-in `positive_data_acceptance`, and only narrows it: a request the
OpenAPI document allows must not be refused, except with 400 and one of the problem codes below.
Each names data that exists or not in the database, or lies in the content, which no schema can
list (a school id, the cards of one reflection, a colleague's e-mail address). Any other
refusal of schema-valid input still fails the run, as does every other check.
"""

import json

import schemathesis
from schemathesis.openapi.checks import RejectedPositiveData
from schemathesis.specs.openapi.checks import positive_data_acceptance

REFERENCE_CODES = {
    # A card key in the path that is not among the reflection's cards (its domains, its own cards).
    "card-not-in-reflection",
    # An own card for a domain the reflection does not cover.
    "domain-not-in-reflection",
    # An address that is not a colleague of the author's.
    "share-person-unknown",
    # A school id that is not one of this organisation's.
    "school-unknown",
    # `prefill_from` that is not one of the caller's reflections.
    "prefill-unknown",
    # A framework or domain id that the content does not have (GET /api/v1/frameworks lists them).
    "framework-unknown",
    "domain-unknown",
    # Two existing reflections of different frameworks.
    "compare-other-framework",
    # 360° feedback: a card the round does not ask about; an address that is not a colleague's,
    # or the caller's own, as coach; a reflection id that is not a finished one of the caller
    # on the round's deck; a leader without focus cards.
    "card-unknown",
    "feedback-coach-unknown",
    "feedback-coach-self",
    "feedback-reflection-unusable",
    "feedback-focus-none",
    # A closing day before today or over a year ahead: the schema cannot know today.
    "feedback-date-past",
    "feedback-date-too-far",
    # Rules across two fields, which JSON Schema cannot state: a comment threshold below the
    # group's, an identifiable group that is not the board, merging a group into itself, a
    # domain scope without domains, a raters request with neither addresses nor links.
    "anonymity-comments-below-group",
    "feedback-identifiable-not-board",
    "feedback-merge-same",
    "feedback-domains-none",
    "feedback-raters-none",
    # An own group (`kind` `eigen`) without a name: the label may be empty for other kinds.
    "feedback-label-invalid",
    # Team scans: a school id that is not one of this organisation's; a statement, role or open
    # question id that the questionnaire does not have (GET /api/v1/scans/{id}/estimate and the
    # respondent's form list them).
    "scan-school-unknown",
    "scan-statement-unknown",
    "scan-role-unknown",
    "scan-open-question-unknown",
    # Rules across items or fields: more than 12 teams that have a name (empty names do not
    # count), a team named twice (case aside), teams in a scan of several schools, more than
    # 500 different addresses, and a submission that rates no statement once the stored
    # draft is counted in.
    "scan-teams-too-many",
    "scan-team-twice",
    "scan-teams-one-school",
    "scan-invitations-too-many",
    "scan-response-empty",
    # Development plans: a card id that is not one of the standard's (GET /api/v1/cards lists
    # them), and a source that is not a result of the caller's own that says what it names (a
    # focus card of their finished reflection, a blind spot of their released 360° report, a gap
    # of their released team scan) or a source kind with an id it does not take.
    "plan-card-unknown",
    "plan-source-unknown",
    # The learning log: a card or domain id that is not the standard's, a theme id that is not
    # one of the caller's own plans', and a file whose bytes are not a kept kind (no schema can
    # say what a file holds) or that is over 10 MB.
    "activity-card-unknown",
    "activity-domain-unknown",
    "activity-theme-unknown",
    "evidence-type-refused",
    "evidence-too-large",
}


def problem_code(response):
    try:
        return json.loads(response.content).get("code")
    except (ValueError, AttributeError):
        return None


@schemathesis.check
def positive_data_acceptance_but_unknown_references(ctx, response, case):
    """`positive_data_acceptance`, with a 400 for an id or address that does not exist let through."""
    try:
        return positive_data_acceptance(ctx, response, case)
    except RejectedPositiveData:
        if response.status_code == 400 and problem_code(response) in REFERENCE_CODES:
            return None
        raise
