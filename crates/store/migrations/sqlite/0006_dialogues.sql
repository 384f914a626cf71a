-- Live dialogues. A facilitator's dialogue, the participants who joined it with its code (no
-- account needed: a participant holds a token whose SHA-256 digest is stored), and the events
-- it is made of, numbered per dialogue (last_seq on the dialogue hands out the numbers, so
-- two writers never take the same one). A contribution given anonymously is stored without
-- its participant: nothing in the database leads back to its author.
CREATE TABLE dialogues (
    id              INTEGER PRIMARY KEY,
    person_id       BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    framework_id    TEXT   NOT NULL,
    format          TEXT   NOT NULL
        CHECK (format IN ('trek-een-kaart', 'kies-je-kaart', 'intervisie', 'vrij-gesprek')),
    title           TEXT   NOT NULL,
    -- The card ids of the deck, comma-separated, in order.
    deck            TEXT   NOT NULL,
    -- Six digits while the dialogue runs; NULL once it has ended.
    join_code       TEXT,
    allow_anonymous BIGINT NOT NULL CHECK (allow_anonymous IN (0, 1)),
    anonymous_picks BIGINT NOT NULL CHECK (anonymous_picks IN (0, 1)),
    minutes         BIGINT NOT NULL,
    locked          BIGINT NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    last_seq        BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    active_at       BIGINT NOT NULL,
    ended_at        BIGINT
);
CREATE UNIQUE INDEX dialogues_by_code ON dialogues (join_code) WHERE join_code IS NOT NULL;
CREATE INDEX dialogues_by_person ON dialogues (person_id, created_at);
CREATE INDEX dialogues_ended ON dialogues (ended_at);

-- name: NULL for someone who joined anonymously. person_id: a signed-in member who joined as
-- themselves. note: the participant's private note (for a case bringer: their take-away).
CREATE TABLE dialogue_participants (
    id           INTEGER PRIMARY KEY,
    dialogue_id  BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    token_digest TEXT   NOT NULL UNIQUE,
    name         TEXT,
    person_id    BIGINT REFERENCES people (id) ON DELETE SET NULL,
    removed      BIGINT NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
    note         TEXT   NOT NULL DEFAULT '',
    joined_at    BIGINT NOT NULL
);
CREATE INDEX dialogue_participants_by_dialogue ON dialogue_participants (dialogue_id);

-- participant_id and name: NULL when given anonymously.
CREATE TABLE dialogue_contributions (
    id             INTEGER PRIMARY KEY,
    dialogue_id    BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    participant_id BIGINT REFERENCES dialogue_participants (id) ON DELETE SET NULL,
    name           TEXT,
    card_id        TEXT,
    phase          TEXT,
    body           TEXT   NOT NULL,
    status         TEXT   NOT NULL CHECK (status IN ('wacht', 'getoond', 'verborgen')),
    created_at     BIGINT NOT NULL
);
CREATE INDEX dialogue_contributions_by_dialogue ON dialogue_contributions (dialogue_id);

-- audience: room or facilitator. contribution_id: the contribution whose text the body
-- carries, so removing it removes its text from the events too.
CREATE TABLE dialogue_events (
    dialogue_id     BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    seq             BIGINT NOT NULL,
    audience        TEXT   NOT NULL CHECK (audience IN ('room', 'facilitator')),
    contribution_id BIGINT,
    body            TEXT   NOT NULL,
    at              BIGINT NOT NULL,
    PRIMARY KEY (dialogue_id, seq)
) WITHOUT ROWID;

-- Kies je kaart: up to three cards per participant; colleague: whom they see it in.
CREATE TABLE dialogue_picks (
    participant_id BIGINT NOT NULL REFERENCES dialogue_participants (id) ON DELETE CASCADE,
    card_id        TEXT   NOT NULL,
    colleague      TEXT,
    position       BIGINT NOT NULL,
    PRIMARY KEY (participant_id, card_id)
) WITHOUT ROWID;

-- A dialogue kept in a member's portfolio, with their note. A saved dialogue is not deleted
-- when its retention period ends.
CREATE TABLE dialogue_saves (
    person_id   BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    dialogue_id BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    note        TEXT   NOT NULL DEFAULT '',
    saved_at    BIGINT NOT NULL,
    PRIMARY KEY (person_id, dialogue_id)
);
CREATE INDEX dialogue_saves_by_dialogue ON dialogue_saves (dialogue_id);
