-- Twilio callbacks whose processing waits for the helpdesk (429 with Retry-After, 5xx or timeouts after the
-- adapter's retries): parked here, keyed by the delivery's event id (a redelivery parks once), and taken up
-- again by a scheduled job once next_attempt_at has passed; deleted when processed.
create table call_callback_parked (
    event_id        varchar(36)              not null primary key,
    delivery        text                     not null,
    attempts        integer                  not null,
    parked_at       timestamp with time zone not null,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500)             not null
);
create index call_callback_parked_due on call_callback_parked (next_attempt_at);
