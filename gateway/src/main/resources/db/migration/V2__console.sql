-- What a delivery was about in a few words ("issues closed acme/widgets#42", "call CA… completed"), computed
-- at ingest so that the console's list shows it without loading bodies; null for rows written before.
alter table delivery_log add column summary varchar(300);

-- Operator console sessions, made from an admin key at sign-in. Only the SHA-256 of the session token is
-- stored (a database copy opens no session); key_sha256 ends the session when its key is removed or
-- replaced; csrf_token is the per-session token every console form sends back.
create table console_session (
    token_sha256 varchar(64)              not null primary key,
    key_name     varchar(200)             not null,
    key_sha256   varchar(64)              not null,
    csrf_token   varchar(64)              not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null
);

create index console_session_expires_at on console_session (expires_at);
