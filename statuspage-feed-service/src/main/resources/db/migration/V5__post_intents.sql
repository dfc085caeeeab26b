-- Posts to Slack and Teams whose outcome is not known yet: written and committed before the call, so that a
-- timeout, a 5xx or a kill after the channel took the post is never followed by a blind second post. Resolved
-- (deleted) in the attempt's transaction when the outcome is known; 'in_flight' left behind means the process
-- stopped during the call, 'unknown' that the call's outcome could not be told (timeout, reset, 5xx).
-- No foreign key to delivery: the row is written in a transaction of its own while the attempt holds the
-- delivery row (FOR UPDATE), which a key check would wait for; orphans are removed by the retention purge.
create table post_intent (
    delivery_seq bigint                   not null primary key,
    client_id    varchar(200)             not null,
    kind         varchar(16)              not null,
    channel      varchar(100),
    thread_ts    varchar(64),
    state        varchar(16)              not null,
    recorded_at  timestamp with time zone not null
);
