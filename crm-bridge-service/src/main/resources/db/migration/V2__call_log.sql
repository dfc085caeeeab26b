-- One log per call, keyed by the parent leg's CallSid; numbers are purged with the log.
create table call_log (
    call_sid         varchar(64)              not null primary key,
    direction        varchar(32)              not null,
    status           varchar(32)              not null,
    from_number      varchar(64),
    to_number        varchar(64),
    agent_number     varchar(64),
    ticket_id        varchar(64),
    started_at       timestamp with time zone not null,
    ringing_at       timestamp with time zone,
    answered_at      timestamp with time zone,
    ended_at         timestamp with time zone,
    duration_seconds integer,
    recording_url    varchar(1000),
    max_sequence     integer                  not null,
    seen_sequences   integer                  not null,
    end_note_written boolean                  not null,
    recording_noted  boolean                  not null,
    correlation_id   varchar(200)             not null,
    updated_at       timestamp with time zone not null
);
create index call_log_ticket on call_log (ticket_id);
create index call_log_started on call_log (started_at);

-- Callbacks applied, one row per I-Twilio-Idempotency-Token: a redelivery or a Twilio retry changes nothing.
create table call_callback (
    idempotency_token varchar(200)             not null primary key,
    call_sid          varchar(64)              not null,
    received_at       timestamp with time zone not null
);
create index call_callback_call on call_callback (call_sid);
