-- Development plans: one per person and school year (named by the year it starts in), with
-- at most three themes. The limit is the domain's rule; the position's CHECK and the unique
-- (plan, position) hold it under concurrent adds too. A plan is its owner's alone;
-- development_plan_shares names the people it is shown to.
CREATE TABLE development_plans (
    id           INTEGER PRIMARY KEY,
    person_id    BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    school_year  BIGINT NOT NULL,
    framework_id TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    UNIQUE (person_id, school_year)
);

-- source_kind, source_id, source_item: where the theme came from (a focus card of a
-- reflection, a blind spot of a 360° round, a gap of a team scan, last year's theme), kept as
-- ids without a foreign key: the theme stays when its source is deleted.
-- goal, monitoring, review: the leader's free texts, empty until written.
CREATE TABLE plan_themes (
    id          INTEGER PRIMARY KEY,
    plan_id     BIGINT NOT NULL REFERENCES development_plans (id) ON DELETE CASCADE,
    position    BIGINT NOT NULL CHECK (position BETWEEN 1 AND 3),
    title       TEXT   NOT NULL,
    goal        TEXT   NOT NULL,
    monitoring  TEXT   NOT NULL,
    review      TEXT   NOT NULL,
    status      TEXT   NOT NULL CHECK (status IN ('planned', 'underway', 'achieved', 'stopped')),
    source_kind TEXT   NOT NULL,
    source_id   BIGINT,
    source_item TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    UNIQUE (plan_id, position)
);

CREATE TABLE plan_theme_cards (
    theme_id BIGINT NOT NULL REFERENCES plan_themes (id) ON DELETE CASCADE,
    card_id  TEXT   NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (theme_id, card_id)
);

-- due_on: 'YYYY-MM-DD' or empty.
CREATE TABLE plan_theme_actions (
    id         INTEGER PRIMARY KEY,
    theme_id   BIGINT NOT NULL REFERENCES plan_themes (id) ON DELETE CASCADE,
    text       TEXT   NOT NULL,
    due_on     TEXT   NOT NULL,
    done       BIGINT NOT NULL CHECK (done IN (0, 1)),
    created_at BIGINT NOT NULL
);
CREATE INDEX plan_theme_actions_by_theme ON plan_theme_actions (theme_id);

-- A review moment: a day to look at the theme again, and what was seen then.
CREATE TABLE plan_theme_reviews (
    id         INTEGER PRIMARY KEY,
    theme_id   BIGINT NOT NULL REFERENCES plan_themes (id) ON DELETE CASCADE,
    due_on     TEXT   NOT NULL,
    note       TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX plan_theme_reviews_by_theme ON plan_theme_reviews (theme_id);

CREATE TABLE development_plan_shares (
    plan_id   BIGINT NOT NULL REFERENCES development_plans (id) ON DELETE CASCADE,
    viewer_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    shared_at BIGINT NOT NULL,
    PRIMARY KEY (plan_id, viewer_id)
);
CREATE INDEX development_plan_shares_by_viewer ON development_plan_shares (viewer_id);
