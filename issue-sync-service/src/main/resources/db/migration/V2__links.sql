-- Issues followed because at least one ticket links them, keyed by the tracker's immutable issue id.
create table tracked_issue (
    tracker                varchar(16)              not null,
    issue_id               varchar(64)              not null,
    issue_key              varchar(300)             not null,
    url                    varchar(1000)            not null,
    title                  varchar(1000)            not null,
    state                  varchar(200)             not null,
    category               varchar(16)              not null,
    source_updated_at      timestamp with time zone not null,
    etag                   varchar(200),
    moved_to_issue_id      varchar(64),
    report_dirty           boolean                  not null default false,
    report_comment_id      varchar(64),
    report_next_attempt_at timestamp with time zone,
    constraint tracked_issue_pk primary key (tracker, issue_id)
);

-- Ticket <-> issue, many-to-many; the unique key makes concurrent link requests create one link.
create table issue_link (
    id         uuid                     not null primary key,
    ticket_id  varchar(64)              not null,
    tracker    varchar(16)              not null,
    issue_id   varchar(64)              not null,
    created_at timestamp with time zone not null,
    constraint issue_link_ticket_issue unique (ticket_id, tracker, issue_id),
    constraint issue_link_issue foreign key (tracker, issue_id) references tracked_issue (tracker, issue_id)
);
create index issue_link_by_issue on issue_link (tracker, issue_id);

-- tickets.events handled, by the event's own id: a redelivery finds its row and does nothing.
create table handled_ticket_event (
    event_id   uuid                     not null primary key,
    handled_at timestamp with time zone not null
);

-- Links whose tracker read was rate-limited for longer than a consumer may wait: retried by a job.
create table parked_link (
    id              uuid                     not null primary key,
    ticket_id       varchar(64)              not null,
    issue_url       varchar(1000)            not null,
    cause_key       varchar(200)             not null,
    correlation_id  varchar(200)             not null,
    caused_at       timestamp with time zone not null,
    next_attempt_at timestamp with time zone not null,
    attempts        integer                  not null,
    reason          varchar(300)             not null
);

-- ShedLock: scheduled jobs run on one instance at a time.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
