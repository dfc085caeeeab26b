-- When an update carrying the command was last sent to the helpdesk (committed before the request, in
-- a transaction of its own): a pending command with sent_at set may be on the ticket already, so the
-- drainer looks for its marker in the ticket's comments before sending it again.
alter table ticket_command add column sent_at timestamp with time zone;
