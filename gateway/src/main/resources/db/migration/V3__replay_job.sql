-- Bulk replay jobs (console and admin API): the filter, progress (counts and the last delivery handled, so a
-- job goes on from there on any instance), and the result. running_filter is the filter's key while the job
-- runs and null after: its unique index allows one running job per filter across instances (H2, used by a
-- local run, has no partial indexes; several nulls are allowed in both).
create table replay_job (
    id                uuid                     not null primary key,
    provider          varchar(50),
    event_type        varchar(200),
    outcome           varchar(20),
    received_from     timestamp with time zone,
    received_to       timestamp with time zone not null,
    containing        varchar(200),
    state             varchar(20)              not null,
    estimated         bigint                   not null,
    replayed          bigint                   not null,
    failed            bigint                   not null,
    after_received_at timestamp with time zone,
    after_id          uuid,
    created_by        varchar(300)             not null,
    created_at        timestamp with time zone not null,
    finished_at       timestamp with time zone,
    cancelled_by      varchar(300),
    last_error        varchar(500),
    running_filter    varchar(64)
);

create unique index replay_job_running_filter on replay_job (running_filter);
create index replay_job_created_at on replay_job (created_at);
