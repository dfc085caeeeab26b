-- Other names a ticket may use for a component, per subscription: one line per alias, "<component>\t<alias>".
alter table subscription add column component_aliases varchar(16000) not null default '';

-- Incident-aware tickets: one row per (incident, ticket) whose subject or description named an affected
-- component while the incident was open. The row is the outbox of the two notes it causes: the incident note
-- (note_sent_at) and, once the incident is resolved, the resolved note (resolved_sent_at); both are published
-- on tickets.commands with deterministic command ids and marked only after the broker's confirm.
create table ticket_incident_note (
    incident_code  varchar(200)             not null,
    ticket_id      varchar(64)              not null,
    feed_id        uuid                     not null,
    body           varchar(4000)            not null,
    caused_at      timestamp with time zone not null,
    correlation_id varchar(200)             not null,
    created_at     timestamp with time zone not null,
    note_sent_at   timestamp with time zone,
    resolved_sent_at timestamp with time zone,
    primary key (incident_code, ticket_id)
);
create index ticket_incident_note_pending on ticket_incident_note (note_sent_at, resolved_sent_at);
