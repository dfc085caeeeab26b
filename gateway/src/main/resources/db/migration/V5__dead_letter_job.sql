-- "Replay all" of a dead-letter queue as a job (console and admin API): bounded by the queue's depth when it
-- started (messages that fail again come back behind it and are not taken twice), moved a batch at a time by
-- whichever instance holds the scheduler lock, cancellable. running_queue is the queue's name while the job
-- runs and null after: its unique index allows one running job per queue across instances.
create table dead_letter_job (
    id            uuid                     not null primary key,
    queue         varchar(255)             not null,
    state         varchar(20)              not null,
    estimated     bigint                   not null,
    moved         bigint                   not null,
    failed_again  bigint                   not null,
    created_by    varchar(300)             not null,
    created_at    timestamp with time zone not null,
    finished_at   timestamp with time zone,
    cancelled_by  varchar(300),
    last_error    varchar(500),
    running_queue varchar(255)
);

create unique index dead_letter_job_running_queue on dead_letter_job (running_queue);
create index dead_letter_job_created_at on dead_letter_job (created_at);
