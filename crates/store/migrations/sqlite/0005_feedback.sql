-- 360° feedback: a leader's round, the groups of raters and one token link per rater. A rater's
-- answers hang from their link only while they are a draft; submitting moves them into an
-- anonymous response that holds nothing leading back to the link (no link id, no time, no
-- sequence: the response tables are WITHOUT ROWID, keyed by a random id, so not even a rowid
-- orders them by arrival). At release the report is stored as a snapshot and every response
-- and draft of the round is deleted.
CREATE TABLE feedback_rounds (
    id                  INTEGER PRIMARY KEY,
    person_id           BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    -- The organisation it was started in, for context only: leaving it keeps the round.
    organisation_id     BIGINT REFERENCES organisations (id) ON DELETE SET NULL,
    framework_id        TEXT   NOT NULL,
    content_fingerprint TEXT   NOT NULL,
    -- The card ids asked about, comma-separated, in order.
    cards               TEXT   NOT NULL,
    request             TEXT   NOT NULL,
    closes_at           BIGINT NOT NULL,
    coach_id            BIGINT REFERENCES people (id) ON DELETE SET NULL,
    state               TEXT   NOT NULL
        CHECK (state IN ('concept', 'ter-goedkeuring', 'open', 'gesloten')),
    coach_note          TEXT   NOT NULL DEFAULT '',
    created_at          BIGINT NOT NULL,
    opened_at           BIGINT,
    closed_at           BIGINT
);
CREATE INDEX feedback_rounds_by_person ON feedback_rounds (person_id, created_at);
CREATE INDEX feedback_rounds_by_coach ON feedback_rounds (coach_id);
CREATE INDEX feedback_rounds_due ON feedback_rounds (state, closes_at);

-- kind: team, collegas, bestuur, eigen. identifiable: 0 or 1 (board groups only).
CREATE TABLE feedback_groups (
    id                INTEGER PRIMARY KEY,
    round_id          BIGINT NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
    kind              TEXT   NOT NULL,
    label             TEXT,
    threshold         BIGINT NOT NULL,
    comment_threshold BIGINT NOT NULL,
    identifiable      BIGINT NOT NULL CHECK (identifiable IN (0, 1)),
    position          BIGINT NOT NULL
);
CREATE INDEX feedback_groups_by_round ON feedback_groups (round_id, position);

-- The token itself is never stored, only its SHA-256 digest. answered: 0 or 1.
CREATE TABLE feedback_links (
    id           INTEGER PRIMARY KEY,
    round_id     BIGINT NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
    group_id     BIGINT NOT NULL REFERENCES feedback_groups (id) ON DELETE CASCADE,
    token_digest TEXT   NOT NULL UNIQUE,
    email        TEXT,
    name         TEXT   NOT NULL DEFAULT '',
    answered     BIGINT NOT NULL CHECK (answered IN (0, 1)),
    created_at   BIGINT NOT NULL,
    invited_at   BIGINT,
    reminded_at  BIGINT
);
CREATE INDEX feedback_links_by_round ON feedback_links (round_id);
CREATE INDEX feedback_links_by_group ON feedback_links (group_id);

-- answer: 0 = cannot judge, 1-4 the piles. WITHOUT ROWID (the drafts too): one B-tree per
-- table rather than a table and the index of its key, since every submission writes and
-- deletes a form's worth of rows.
CREATE TABLE feedback_drafts (
    link_id BIGINT NOT NULL REFERENCES feedback_links (id) ON DELETE CASCADE,
    card_id TEXT   NOT NULL,
    answer  BIGINT NOT NULL CHECK (answer BETWEEN 0 AND 4),
    PRIMARY KEY (link_id, card_id)
) WITHOUT ROWID;

-- domain_id: '' for the general comment.
CREATE TABLE feedback_draft_comments (
    link_id   BIGINT NOT NULL REFERENCES feedback_links (id) ON DELETE CASCADE,
    domain_id TEXT   NOT NULL,
    text      TEXT   NOT NULL,
    PRIMARY KEY (link_id, domain_id)
) WITHOUT ROWID;

-- id: 32 random hex characters chosen at submission. Nothing else may be added here.
CREATE TABLE feedback_responses (
    id       TEXT   NOT NULL PRIMARY KEY CHECK (length(id) = 32),
    round_id BIGINT NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES feedback_groups (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX feedback_responses_by_round ON feedback_responses (round_id);

CREATE TABLE feedback_response_answers (
    response_id TEXT   NOT NULL REFERENCES feedback_responses (id) ON DELETE CASCADE,
    card_id     TEXT   NOT NULL,
    answer      BIGINT NOT NULL CHECK (answer BETWEEN 0 AND 4),
    PRIMARY KEY (response_id, card_id)
) WITHOUT ROWID;

CREATE TABLE feedback_response_comments (
    response_id TEXT NOT NULL REFERENCES feedback_responses (id) ON DELETE CASCADE,
    domain_id   TEXT NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (response_id, domain_id)
) WITHOUT ROWID;

-- The leader's own rating of the round's cards, 1-4.
CREATE TABLE feedback_self_answers (
    round_id BIGINT NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
    card_id  TEXT   NOT NULL,
    answer   BIGINT NOT NULL CHECK (answer BETWEEN 1 AND 4),
    PRIMARY KEY (round_id, card_id)
);

-- snapshot: the report computed once at release, as JSON.
CREATE TABLE feedback_reports (
    round_id    BIGINT NOT NULL PRIMARY KEY REFERENCES feedback_rounds (id) ON DELETE CASCADE,
    released_at BIGINT NOT NULL,
    snapshot    TEXT   NOT NULL
);

CREATE TABLE feedback_shares (
    round_id  BIGINT NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
    viewer_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    shared_at BIGINT NOT NULL,
    PRIMARY KEY (round_id, viewer_id)
);
CREATE INDEX feedback_shares_by_viewer ON feedback_shares (viewer_id);
