-- A board member's estimate of how the team of a scan in their organisation will answer, one
-- statement at a time, beside the owner's own (space_scan_estimates). Written only while the
-- scan is open; at release every board member's estimate is frozen into the results, and the
-- rows stay with the scan (like the owner's) so they are in the board member's own export.
-- They go with the scan, and with the board member's account.
CREATE TABLE space_scan_board_estimates (
    scan_id      BIGINT NOT NULL REFERENCES space_scans (id) ON DELETE CASCADE,
    person_id    BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    statement_id TEXT   NOT NULL,
    answer       TEXT   NOT NULL,
    PRIMARY KEY (scan_id, person_id, statement_id)
);
-- A person's estimates across scans: their export and their erasure.
CREATE INDEX space_scan_board_estimates_by_person ON space_scan_board_estimates (person_id);
