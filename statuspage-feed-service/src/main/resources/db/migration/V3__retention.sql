-- ShedLock: the retention purge runs on one instance at a time
create table shedlock (
    name       varchar(64)              not null primary key,
    lock_until timestamp with time zone not null,
    locked_at  timestamp with time zone not null,
    locked_by  varchar(255)             not null
);

create index delivery_created_at on delivery (created_at);
create index incident_update_posted_at on incident_update (posted_at);
