#!/bin/sh
# Runs once, when the PostgreSQL container initialises its data folder: the role the service
# connects as. It owns nothing; the service's migrations (run as the owner) grant it row privileges.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v service_password="$IMPRIMATUR_SERVICE_PASSWORD" <<'SQL'
CREATE ROLE imprimatur_service LOGIN PASSWORD :'service_password';
SQL
