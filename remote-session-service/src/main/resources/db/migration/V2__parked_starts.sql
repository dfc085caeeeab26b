-- A start the vendor could not take (outage, a long rate-limit wait) is parked durably: the session stays
-- CREATED and a scheduled job retries it at next_attempt_at.
alter table remote_session add column next_attempt_at timestamp with time zone;
alter table remote_session add column start_attempts integer default 0 not null;
create index remote_session_next_attempt on remote_session (state, next_attempt_at);
