-- GET /api/timeline reads an incident's updates, its posts and its ticket notes by the incident's code, and a
-- ticket's incident notes by the ticket's id: none of these columns leads an index yet (the keys start with the
-- feed or the subscription), and delivery is the largest table. delivery (update_id) also serves the retention
-- purge's "no delivery needs this update".
create index incident_update_incident_code on incident_update (incident_code);
create index incident_by_code on incident (code);
create index delivery_update_id on delivery (update_id);
create index ticket_incident_note_ticket_id on ticket_incident_note (ticket_id);

-- When a post was last tried and did not go out (retried, rate limited, failed for good, outcome unknown): the
-- timeline places the entry there. Null for rows tried before this column (the timeline falls back to created_at).
alter table delivery add column last_attempt_at timestamp with time zone;
