#!/bin/sh
# What the real image's entrypoint does for docker-compose.yml: initdb with POSTGRES_USER/POSTGRES_PASSWORD on
# an empty PGDATA, the database POSTGRES_DB (default: the user's name), /docker-entrypoint-initdb.d/*.sql run
# once against a server on its socket only, then the server on all addresses with password auth, as postgres,
# with the options of a `postgres -c …` command.
set -eu
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"
POSTGRES_USER=${POSTGRES_USER:-postgres}
POSTGRES_DB=${POSTGRES_DB:-$POSTGRES_USER}
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }
mkdir -p "$PGDATA" /run/postgresql
chown postgres:postgres "$PGDATA" /run/postgresql
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
	pwfile=$(mktemp)
	printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
	chown postgres "$pwfile"
	as_postgres initdb -D "$PGDATA" --username="$POSTGRES_USER" --pwfile="$pwfile" \
		--auth-local=trust --auth-host=scram-sha-256
	rm -f "$pwfile"
	echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
	as_postgres pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
	if [ "$POSTGRES_DB" != postgres ]; then
		as_postgres psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres -c "CREATE DATABASE \"$POSTGRES_DB\""
	fi
	for script in /docker-entrypoint-initdb.d/*; do
		case "$script" in
		*.sql) echo "running $script"; as_postgres psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -f "$script" ;;
		*.sh) echo "running $script"; . "$script" ;;
		esac
	done
	as_postgres pg_ctl -D "$PGDATA" -m fast -w stop
fi
# as the real image: a command starting with postgres passes its options on (compose's `command:`)
[ "${1:-}" = postgres ] && shift
exec setpriv --reuid=postgres --regid=postgres --init-groups postgres -D "$PGDATA" -c listen_addresses='*' "$@"
