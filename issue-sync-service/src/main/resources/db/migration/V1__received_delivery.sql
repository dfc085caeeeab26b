-- Deliveries from the issue trackers, one row per provider delivery: redeliveries insert nothing.
create table received_delivery (
    event_id       uuid                     not null primary key,
    provider       varchar(32)              not null,
    event_type     varchar(200)             not null,
    delivery_id    varchar(200)             not null,
    correlation_id varchar(200)             not null,
    received_at    timestamp with time zone not null,
    recorded_at    timestamp with time zone not null,
    body_bytes     integer                  not null,
    constraint received_delivery_provider_delivery_id unique (provider, delivery_id)
);
