-- One database per service (each service owns its tables; Flyway creates them at start-up).
-- Mounted into /docker-entrypoint-initdb.d by docker-compose.yml: PostgreSQL runs it once, as
-- POSTGRES_USER, when the data volume is empty. Names are the services' names with underscores.
CREATE DATABASE gateway;
CREATE DATABASE issue_sync_service;
CREATE DATABASE statuspage_feed_service;
CREATE DATABASE crm_bridge_service;
CREATE DATABASE remote_session_service;
