-- Organisations (besturen), their schools, people with accounts, and who belongs where.
-- Secrets (session ids, tokens, links) are stored only as SHA-256 digests.
CREATE TABLE organisations (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE schools (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name            TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    UNIQUE (organisation_id, name)
);

-- email is as typed; email_key is its lower-cased form, the one lookups and uniqueness use.
CREATE TABLE people (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email               TEXT   NOT NULL,
    email_key           TEXT   NOT NULL UNIQUE,
    name                TEXT   NOT NULL,
    password_hash       TEXT   NOT NULL,
    password_changed_at BIGINT NOT NULL,
    created_at          BIGINT NOT NULL
);

-- roles: comma-separated role codes (admin, board-member, school-leader, staff, coach).
CREATE TABLE memberships (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    person_id       BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    roles           TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, person_id)
);
CREATE INDEX memberships_by_person ON memberships (person_id);

CREATE TABLE school_members (
    school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (school_id, person_id)
);
CREATE INDEX school_members_by_person ON school_members (person_id);

CREATE TABLE invitations (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    school_id       BIGINT REFERENCES schools (id) ON DELETE SET NULL,
    email           TEXT   NOT NULL,
    roles           TEXT   NOT NULL,
    token_digest    TEXT   NOT NULL UNIQUE,
    invited_by      BIGINT REFERENCES people (id) ON DELETE SET NULL,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    accepted_at     BIGINT,
    revoked_at      BIGINT
);
CREATE INDEX invitations_by_organisation ON invitations (organisation_id, created_at);

CREATE TABLE sessions (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id_digest    TEXT   NOT NULL UNIQUE,
    person_id    BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    csrf_token   TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    user_agent   TEXT   NOT NULL
);
CREATE INDEX sessions_by_person ON sessions (person_id);

CREATE TABLE api_tokens (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id    BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    name         TEXT   NOT NULL,
    token_digest TEXT   NOT NULL UNIQUE,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX api_tokens_by_person ON api_tokens (person_id);

-- A reset link is deleted when used and when the password changes in any other way.
CREATE TABLE password_resets (
    token_digest TEXT   PRIMARY KEY,
    person_id    BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX password_resets_by_person ON password_resets (person_id);

-- key_digest: SHA-256 of "account:<email key>" or "address:<ip>", never the text itself.
CREATE TABLE sign_in_failures (
    key_digest TEXT   NOT NULL,
    at         BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_by_key ON sign_in_failures (key_digest, at);

-- Security events. detail holds codes only (role codes, reasons), never personal content.
CREATE TABLE audit_events (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at              BIGINT NOT NULL,
    organisation_id BIGINT REFERENCES organisations (id) ON DELETE CASCADE,
    actor_id        BIGINT REFERENCES people (id) ON DELETE SET NULL,
    subject_id      BIGINT REFERENCES people (id) ON DELETE SET NULL,
    event           TEXT   NOT NULL,
    outcome         TEXT   NOT NULL,
    detail          TEXT   NOT NULL
);
CREATE INDEX audit_events_by_organisation ON audit_events (organisation_id, at);

-- Every mail Leidraad sends or, without SMTP, writes to the outbox folder.
CREATE TABLE outgoing_mail (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id BIGINT REFERENCES organisations (id) ON DELETE CASCADE,
    recipient_key   TEXT   NOT NULL,
    kind            TEXT   NOT NULL,
    subject         TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT,
    outbox_file     TEXT,
    failure         TEXT
);
CREATE INDEX outgoing_mail_by_organisation ON outgoing_mail (organisation_id, created_at);
