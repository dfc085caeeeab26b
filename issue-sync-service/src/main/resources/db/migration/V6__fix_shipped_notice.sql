-- One fix-shipped note per ticket and issue: the release (GitHub release id or Jira version id) that told the
-- ticket. A redelivery or replay of that release sends the same note ids again; another release does not.
create table fix_shipped_notice (
    tracker     varchar(16)              not null,
    issue_id    varchar(64)              not null,
    ticket_id   varchar(64)              not null,
    release_key varchar(300)             not null,
    noticed_at  timestamp with time zone not null,
    constraint fix_shipped_notice_pk primary key (tracker, issue_id, ticket_id)
);
