-- The learning log (activiteitenlog): what a person did to grow, their register cycle and the
-- evidence they keep. Everything hangs from the person and goes with their account.
--
-- happened_on: 'YYYY-MM-DD'. minutes: the hours typed, as whole minutes. points: register
-- points of a certified activity, 0 when informal. domains: the touched domains' ids,
-- separated by spaces, in the standard's order; the cards are in activity_cards.
-- learned, differently: the short reflection, empty until written.
-- source_kind, source_id: the thing in Leidraad it came from (a finished reflection, a
-- released 360° round, a dialogue, a released team scan), without a foreign key: the entry
-- stays when its source is deleted. confirmed: 1 when it is in the log (always for one's own
-- entries); 0 when its owner dismissed the suggestion, so it is not offered again.
CREATE TABLE activities (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id    BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind         TEXT   NOT NULL,
    title        TEXT   NOT NULL,
    happened_on  TEXT   NOT NULL,
    minutes      BIGINT NOT NULL CHECK (minutes BETWEEN 0 AND 60000),
    points       BIGINT NOT NULL CHECK (points BETWEEN 0 AND 100),
    framework_id TEXT   NOT NULL,
    domains      TEXT   NOT NULL,
    learned      TEXT   NOT NULL,
    differently  TEXT   NOT NULL,
    source_kind  TEXT,
    source_id    BIGINT,
    confirmed    BIGINT NOT NULL CHECK (confirmed IN (0, 1)),
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    CHECK ((source_kind IS NULL) = (source_id IS NULL))
);
CREATE INDEX activities_by_person ON activities (person_id, happened_on);
-- The same source lands once, confirmed or dismissed, however often it is offered.
CREATE UNIQUE INDEX activities_by_source ON activities (person_id, source_kind, source_id)
    WHERE source_kind IS NOT NULL;

CREATE TABLE activity_cards (
    activity_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    card_id     TEXT   NOT NULL,
    position    BIGINT NOT NULL,
    PRIMARY KEY (activity_id, card_id)
);

-- The plan themes an activity served; a deleted theme leaves the activity.
CREATE TABLE activity_themes (
    activity_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    theme_id    BIGINT NOT NULL REFERENCES plan_themes (id) ON DELETE CASCADE,
    PRIMARY KEY (activity_id, theme_id)
);
CREATE INDEX activity_themes_by_theme ON activity_themes (theme_id);

-- One register cycle per person: its first day ('YYYY-MM-DD') and the points aimed for.
CREATE TABLE register_cycles (
    person_id  BIGINT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    starts_on  TEXT   NOT NULL,
    target     BIGINT NOT NULL CHECK (target BETWEEN 1 AND 1000),
    updated_at BIGINT NOT NULL
);

-- Evidence files, bytes and all, in the database: several instances and one backup hold
-- them. content_type is what the bytes were recognised as, never what the browser said;
-- filename is the cleaned name shown and downloaded under. A file belongs to an activity of
-- its owner, or to none yet; deleting the activity deletes its files.
CREATE TABLE evidence_files (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id    BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    activity_id  BIGINT REFERENCES activities (id) ON DELETE CASCADE,
    filename     TEXT   NOT NULL,
    content_type TEXT   NOT NULL,
    size_bytes   BIGINT NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    content      BYTEA  NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX evidence_files_by_person ON evidence_files (person_id);
CREATE INDEX evidence_files_by_activity ON evidence_files (activity_id);
