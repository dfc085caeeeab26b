-- A link being made: written (and committed) before the tracker is read, removed with the link's commit. A
-- change of an issue nobody links yet that arrives meanwhile is stored, so the link applies it.
create table link_intent (
    id         uuid                     not null primary key,
    tracker    varchar(16)              not null,
    issue_key  varchar(300)             not null,
    started_at timestamp with time zone not null
);
create index link_intent_by_issue on link_intent (tracker, issue_key);
