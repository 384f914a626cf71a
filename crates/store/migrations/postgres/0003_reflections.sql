-- Self-reflections: a person's card sort of a framework at one moment. A reflection is its
-- author's alone; reflection_shares names the people it is shown to.
CREATE TABLE reflections (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id           BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    -- The organisation it was started in, for context only: leaving it keeps the reflection.
    organisation_id     BIGINT REFERENCES organisations (id) ON DELETE SET NULL,
    framework_id        TEXT   NOT NULL,
    content_fingerprint TEXT   NOT NULL,
    -- The domain ids in scope, comma-separated, in the framework's order.
    domains             TEXT   NOT NULL,
    started_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    finished_at         BIGINT,
    prefilled_from      BIGINT REFERENCES reflections (id) ON DELETE SET NULL
);
CREATE INDEX reflections_by_person ON reflections (person_id, started_at);

-- card_id: a framework card id, or 'eigen-<own_cards.id>'. pile: 1-4, NULL while unsorted.
-- starred: 0 or 1.
CREATE TABLE reflection_answers (
    reflection_id BIGINT NOT NULL REFERENCES reflections (id) ON DELETE CASCADE,
    card_id       TEXT   NOT NULL,
    pile          BIGINT CHECK (pile BETWEEN 1 AND 4),
    note          TEXT   NOT NULL,
    evidence      TEXT   NOT NULL,
    starred       BIGINT NOT NULL CHECK (starred IN (0, 1)),
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (reflection_id, card_id)
);

CREATE TABLE own_cards (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reflection_id BIGINT NOT NULL REFERENCES reflections (id) ON DELETE CASCADE,
    domain_id     TEXT   NOT NULL,
    text          TEXT   NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX own_cards_by_reflection ON own_cards (reflection_id);

CREATE TABLE focus_cards (
    reflection_id BIGINT NOT NULL REFERENCES reflections (id) ON DELETE CASCADE,
    card_id       TEXT   NOT NULL,
    position      BIGINT NOT NULL,
    PRIMARY KEY (reflection_id, card_id)
);

CREATE TABLE reflection_shares (
    reflection_id BIGINT NOT NULL REFERENCES reflections (id) ON DELETE CASCADE,
    viewer_id     BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    shared_at     BIGINT NOT NULL,
    PRIMARY KEY (reflection_id, viewer_id)
);
CREATE INDEX reflection_shares_by_viewer ON reflection_shares (viewer_id);
