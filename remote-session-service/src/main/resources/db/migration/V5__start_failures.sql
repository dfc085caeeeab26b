-- Why the last attempt to create a parked start at the vendor failed (e.g. "TeamViewer answered 503"): shown by
-- GET /api/sessions/{id} while the start waits, and written on the ticket when the start is given up.
alter table remote_session add column last_start_failure varchar(500);
