-- Mail leaves after the request that caused it has been answered, from a queue that survives a
-- restart: the message waits here (recipient and body) until it is sent or filed, and the body,
-- which may hold a live link, is emptied then. claimed_at marks a message a worker is sending;
-- a claim older than a few minutes (a crash mid-send) is taken up again.
ALTER TABLE outgoing_mail ADD COLUMN recipient TEXT;
ALTER TABLE outgoing_mail ADD COLUMN body TEXT;
ALTER TABLE outgoing_mail ADD COLUMN claimed_at BIGINT;
CREATE INDEX outgoing_mail_waiting ON outgoing_mail (id) WHERE body IS NOT NULL;

-- How often one person tried something (sharing by e-mail address) is read from the audit log.
CREATE INDEX audit_events_by_actor ON audit_events (actor_id, event, at);
