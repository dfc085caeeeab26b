-- One row per place messages go (a Slack channel, a Teams Workflows URL, a webhook URL), shared by every
-- subscription posting there: next_send_at paces it (Slack: one message per second per channel), and its
-- row lock makes one instance at a time send to it, so the channel keeps its order.
create table destination (
    address      varchar(2100)            not null primary key,
    next_send_at timestamp with time zone not null
);

alter table subscription add column destination varchar(2100);
update subscription set destination = channel_type || ':' || channel_target;
alter table subscription alter column destination set not null;
insert into destination (address, next_send_at)
select distinct destination, current_timestamp from subscription;

-- finds each subscription's head (lowest pending seq) without scanning the whole ledger
create index delivery_subscription_pending on delivery (state, subscription_id, seq);

-- Bucket4j token buckets of Slack's workspace-wide budgets (chat.postMessage ceiling, chat.update), shared by
-- every instance on PostgreSQL
create table rate_limit_bucket (
    id    varchar(200) not null primary key,
    state bytea
);
