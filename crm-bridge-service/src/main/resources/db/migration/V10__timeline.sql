-- What GET /api/timeline reads (issue 17): a ticket's commands, also those applied to it as a follow-up,
-- its /call requests and its follow-ups, each found by ticket id through an index (the existing
-- ticket_command_state_ticket starts with state and serves only the drain's pending queue).
create index ticket_command_ticket on ticket_command (ticket_id, received_at);
create index ticket_command_applied_to on ticket_command (applied_to);
create index call_request_ticket on call_request (ticket_id, requested_at);
create index ticket_state_follow_up on ticket_state (follow_up_ticket_id);

-- Who sent a command: crm-bridge-service for the notes it writes itself (calls, /call), else the AMQP
-- app_id of the tickets.commands message when the sender set one (null: the message names no sender).
alter table ticket_command add column sender varchar(64);
-- Failed attempts to apply the command (429, 5xx, timeouts, 409, refused credentials), the last one's
-- reason and time; and whether it was settled as applied because its marker was found on the ticket (an
-- earlier update whose answer was lost), not by an update sent now.
alter table ticket_command add column failed_attempts integer not null default 0;
alter table ticket_command add column last_failure varchar(500);
alter table ticket_command add column last_failed_at timestamp with time zone;
alter table ticket_command add column found_on_ticket boolean not null default false;

-- When a closed ticket's follow-up was created and when TicketFollowedUp was published (null for
-- follow-ups created before this migration).
alter table ticket_state add column followed_up_at timestamp with time zone;
alter table ticket_state add column follow_up_announced_at timestamp with time zone;
