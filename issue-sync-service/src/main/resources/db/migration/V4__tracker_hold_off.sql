-- A tracker that refused Switchboard's credentials (401) is not called for a while; kept here so that a
-- restart does not start calling it again with credentials that cannot work.
create table tracker_credentials_refused (
    tracker    varchar(16)              not null primary key,
    refused_at timestamp with time zone not null
);
