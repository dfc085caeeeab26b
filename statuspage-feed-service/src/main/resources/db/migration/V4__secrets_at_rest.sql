-- Teams URLs, webhook URLs and secrets are stored sealed (enc:v1:<keyId>:<base64url>), a third longer than
-- their text; rows stored before stay readable and are sealed at start-up.
alter table subscription alter column channel_target set data type varchar(4000);
alter table subscription alter column channel_secret set data type varchar(1000);

-- Failures recorded before no longer show an address, a port or an exception's message.
update delivery set last_error = 'teams target unreachable' where last_error like 'teams %Exception%';
update delivery set last_error = 'webhook target unreachable' where last_error like 'webhook %Exception%';
update feed set last_error = 'feed unreachable' where last_error like '%Exception:%';
