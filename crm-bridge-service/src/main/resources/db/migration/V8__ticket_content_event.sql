-- The time of the last ticket.created / subject / description event applied per ticket: an older one
-- arriving later (Zendesk does not order its events) is not published as TicketChanged.
alter table ticket_state add column last_content_event_at timestamp with time zone;
