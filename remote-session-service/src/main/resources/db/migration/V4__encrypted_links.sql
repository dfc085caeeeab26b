-- Links and outbox payloads are stored encrypted (enc:v1:<keyId>:<base64url>), a third longer than
-- the plain text; a Guacamole link also carries the caller's connection parameters (at most 8192
-- characters of them).
alter table remote_session alter column agent_url set data type varchar(40000);
alter table remote_session alter column customer_url set data type varchar(8000);
alter table outbox_message alter column payload set data type varchar(60000);
