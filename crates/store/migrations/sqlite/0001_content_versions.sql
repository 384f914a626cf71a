-- Every distinct version of a deck that this installation has served, so later data (answers,
-- feedback) can tell which wording of a card a person saw.
CREATE TABLE content_versions (
    framework_id    TEXT   NOT NULL,
    fingerprint     TEXT   NOT NULL,
    version         TEXT   NOT NULL,
    first_loaded_at BIGINT NOT NULL,
    last_loaded_at  BIGINT NOT NULL,
    PRIMARY KEY (framework_id, fingerprint)
);
