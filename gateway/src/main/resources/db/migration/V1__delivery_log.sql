-- Every delivery the gateway verified: kept for the retention window (gateway.delivery-log.retention) for
-- replay and duplicate suppression. id = the delivery's eventId, derived from provider and delivery id.
create table delivery_log (
    id               uuid                     not null primary key,
    provider         varchar(32)              not null,
    event_type       varchar(200)             not null,
    delivery_id      varchar(200)             not null,
    correlation_id   varchar(200)             not null,
    received_at      timestamp with time zone not null,
    size_bytes       integer                  not null,
    outcome          varchar(16)              not null,
    attempts         integer                  not null,
    replays          integer                  not null,
    last_replayed_at timestamp with time zone,
    headers          varchar(4000)            not null,
    body             bytea                    not null
);

create index delivery_log_received_at on delivery_log (received_at);
create index delivery_log_provider_received_at on delivery_log (provider, received_at);

-- ShedLock: scheduled jobs (the delivery log purge) run on one gateway instance at a time
create table shedlock (
    name       varchar(64)              not null primary key,
    lock_until timestamp with time zone not null,
    locked_at  timestamp with time zone not null,
    locked_by  varchar(255)             not null
);

-- Bucket4j token buckets of the admin API's per-key rate limit (shared by all gateway instances)
create table rate_limit_bucket (
    id    varchar(200) not null primary key,
    state bytea
);
