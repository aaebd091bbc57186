-- Who created and last changed a card, as people know them: the display name at the time, beside the stable
-- identity-provider subject (which for Keycloak is a UUID nobody recognises).
alter table card add column created_by_name varchar(200);
alter table card add column updated_by_name varchar(200);
