-- Pull requests merged with closing keywords ("Fixes #42"), per followed issue: the close note names them,
-- and a release that lists the pull request ships the fix of the issues it closed.
create table issue_fix (
    tracker      varchar(16)              not null,
    issue_id     varchar(64)              not null,
    pull_request varchar(300)             not null,
    title        varchar(1000)            not null,
    url          varchar(1000)            not null,
    merged_by    varchar(200),
    merged_at    timestamp with time zone not null,
    constraint issue_fix_pk primary key (tracker, issue_id, pull_request)
);

-- A close note held (until due_at: the close plus issue-sync.fix-wait) for the merged pull request that closed
-- the issue; sent with the fix when it arrives, without it when due. Its command ids are the close's.
create table pending_close_note (
    tracker        varchar(16)              not null,
    issue_id       varchar(64)              not null,
    cause_key      varchar(300)             not null,
    correlation_id varchar(200)             not null,
    caused_at      timestamp with time zone not null,
    body           varchar(8000)            not null,
    due_at         timestamp with time zone not null,
    constraint pending_close_note_pk primary key (tracker, issue_id)
);
create index pending_close_note_due on pending_close_note (due_at);
