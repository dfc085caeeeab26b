-- Live sessions are polled least recently polled first, so that every one gets its turn.
alter table remote_session add column polled_at timestamp with time zone;
