-- A stamp per person that every change to their learning log (an activity added, changed,
-- confirmed or deleted, an evidence file added or deleted) replaces with a new
-- random number, in the same transaction. A page that keeps the log rendered compares the
-- stamp it was made from with this one, so no instance serves a log another instance has
-- changed since. Random rather than counted: an erased person's id that SQLite gives out
-- again can never meet a rendering of the old log. No row: the log was not changed since
-- this table came, and is rendered afresh.
CREATE TABLE log_stamps (
    person_id BIGINT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    stamp     BIGINT NOT NULL
);
