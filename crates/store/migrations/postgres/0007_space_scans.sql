-- Team scans on professional space: a scan, its units (the schools of a board's scan, or the
-- teams of a school; each with its shared link), one token link per respondent, their drafts,
-- and the anonymous responses. Like a feedback round: a submitted link's draft becomes a
-- response that names only its scan and unit, under a random id, with no time and no order
-- of arrival. Nothing about a respondent's device, address or time is kept
-- anywhere. At release the results are stored as a snapshot and every link, draft and
-- response of the scan is deleted; the owner's own estimate stays with the scan.
CREATE TABLE space_scans (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id           BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    organisation_id     BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    questionnaire_id    TEXT   NOT NULL,
    content_fingerprint TEXT   NOT NULL,
    title               TEXT   NOT NULL,
    threshold           BIGINT NOT NULL CHECK (threshold >= 3),
    -- Answers are taken until this moment: the end of the closing day.
    closes_at           BIGINT NOT NULL,
    state               TEXT   NOT NULL CHECK (state IN ('open', 'gesloten', 'vrijgegeven')),
    created_at          BIGINT NOT NULL,
    released_at         BIGINT,
    -- How many answered, kept at release when the responses themselves are deleted.
    respondents         BIGINT
);
CREATE INDEX space_scans_by_person ON space_scans (person_id, created_at);
CREATE INDEX space_scans_by_organisation ON space_scans (organisation_id);

-- school_id: the school a unit stands for, if any. share_token: the shared link's token, kept
-- as it is (unlike every personal token) because it is a poster, not a person's key: the
-- owner shows it and its QR code again whenever they like, like a dialogue's join code. It
-- lets a browser answer once and nothing else, and the owner can replace it.
CREATE TABLE space_scan_units (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scan_id      BIGINT NOT NULL REFERENCES space_scans (id) ON DELETE CASCADE,
    school_id    BIGINT REFERENCES schools (id) ON DELETE SET NULL,
    label        TEXT   NOT NULL,
    position     BIGINT NOT NULL,
    share_token TEXT   NOT NULL UNIQUE
);
CREATE INDEX space_scan_units_by_scan ON space_scan_units (scan_id, position);

-- One link per respondent: sent by mail (email set) or made for a browser that opened the
-- shared link (email NULL). answered: 0 or 1. No time is kept.
CREATE TABLE space_scan_links (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scan_id      BIGINT NOT NULL REFERENCES space_scans (id) ON DELETE CASCADE,
    unit_id      BIGINT NOT NULL REFERENCES space_scan_units (id) ON DELETE CASCADE,
    token_digest TEXT   NOT NULL UNIQUE,
    email        TEXT,
    answered     BIGINT NOT NULL CHECK (answered IN (0, 1))
);
CREATE INDEX space_scan_links_by_scan ON space_scan_links (scan_id);
CREATE INDEX space_scan_links_by_unit ON space_scan_links (unit_id);
-- An address is invited to a scan once, also when two invitations race.
CREATE UNIQUE INDEX space_scan_links_one_per_address ON space_scan_links (scan_id, lower(email))
    WHERE email IS NOT NULL;

-- item: 's:<statement>', 'r:<role>' (value 'now,would-like' as two 0/1 digits),
-- 'o:<open question>', or 'anders' (the name of a role the list does not have).
CREATE TABLE space_scan_drafts (
    link_id BIGINT NOT NULL REFERENCES space_scan_links (id) ON DELETE CASCADE,
    item    TEXT   NOT NULL,
    value   TEXT   NOT NULL,
    PRIMARY KEY (link_id, item)
);

-- id: 32 random hex characters chosen at submission; body: the response as JSON. Nothing else
-- may be added here.
CREATE TABLE space_scan_responses (
    id      TEXT   NOT NULL PRIMARY KEY CHECK (length(id) = 32),
    scan_id BIGINT NOT NULL REFERENCES space_scans (id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES space_scan_units (id) ON DELETE CASCADE,
    body    TEXT   NOT NULL
);
CREATE INDEX space_scan_responses_by_scan ON space_scan_responses (scan_id);

-- The owner's estimate of how the team will answer, one statement at a time.
CREATE TABLE space_scan_estimates (
    scan_id      BIGINT NOT NULL REFERENCES space_scans (id) ON DELETE CASCADE,
    statement_id TEXT   NOT NULL,
    answer       TEXT   NOT NULL,
    PRIMARY KEY (scan_id, statement_id)
);

-- snapshot: the results computed once at release, as JSON.
CREATE TABLE space_scan_results (
    scan_id     BIGINT NOT NULL PRIMARY KEY REFERENCES space_scans (id) ON DELETE CASCADE,
    released_at BIGINT NOT NULL,
    snapshot    TEXT   NOT NULL
);
