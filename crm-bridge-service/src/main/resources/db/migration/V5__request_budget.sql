-- Bucket4j token bucket of the helpdesk account's request budget, shared by every instance on PostgreSQL
create table rate_limit_bucket (
    id    varchar(200) not null primary key,
    state bytea
);
