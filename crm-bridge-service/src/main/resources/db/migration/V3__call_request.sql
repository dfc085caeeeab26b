-- /call notes already acted on, one row per helpdesk comment: a redelivered note never dials twice.
create table call_request (
    comment_id   varchar(64)              not null primary key,
    ticket_id    varchar(64)              not null,
    requested_at timestamp with time zone not null
);
