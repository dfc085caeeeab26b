-- Audit of every change made through the admin API or the console (issue 17): who (the key's configured name
-- and its role then, never the key), what (action and target), how (method and path, the answer's status: 403
-- is a refusal), when, and the request's correlation id. Appended only; read newest first, by key or action.
create table audit_entry (
    id             uuid                     not null primary key,
    occurred_at    timestamp with time zone not null,
    actor          varchar(200)             not null,
    role           varchar(20)              not null,
    channel        varchar(10)              not null,
    action         varchar(300)             not null,
    target         varchar(500),
    method         varchar(10)              not null,
    path           varchar(2048)            not null,
    status         integer                  not null,
    correlation_id varchar(200)
);

create index audit_entry_occurred_at on audit_entry (occurred_at);
create index audit_entry_actor_occurred_at on audit_entry (actor, occurred_at);
