#!/usr/bin/env bash
# The compose test: builds and starts the real docker-compose.yml and docker/Dockerfile with podman (there is
# no Docker engine on these machines) through docker-compose 1.29 and podman's Docker-compatible socket, and
# drives the deployment as an operator would. Run it as ./switchboard compose-test [--keep]; README.md here.
# Exits non-zero when any check fails. Needs root (podman, apt-get).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/deploy/compose-test
STATE=${SWITCHBOARD_COMPOSE_TEST_STATE:-/var/lib/switchboard-compose-test}
KEEP=0
[ "${1:-}" = "--keep" ] && KEEP=1
PROJECT=sbct$$
RUN=$STATE/runs/$PROJECT
TAG=compose-test
SERVICES=(gateway issue-sync-service statuspage-feed-service crm-bridge-service remote-session-service)
PASSED=0
FAILED=0
STARTED=$(date +%s)
export CONTAINERS_CONF=$STATE/containers.conf CONTAINERS_STORAGE_CONF=$STATE/storage.conf

say() { printf '%s\n' "$*"; }
elapsed() { echo "$(($(date +%s) - STARTED))s"; }
ok() { PASSED=$((PASSED + 1)); say "ok   - $*"; }
fail() { FAILED=$((FAILED + 1)); say "FAIL - $*"; }
check() { # check "what" command...: ok when the command succeeds
	local what=$1
	shift
	if "$@"; then ok "$what"; else fail "$what"; fi
}
die() {
	say "compose-test: $*" >&2
	exit 1
}

[ "$(id -u)" -eq 0 ] || die "needs root (podman and apt-get)"

# --- packages, podman's settings, the stand-in base images -------------------------------------------------

install_packages() {
	local missing=()
	command -v podman >/dev/null || missing+=(podman)
	command -v runc >/dev/null || missing+=(runc)
	command -v debootstrap >/dev/null || missing+=(debootstrap)
	command -v docker-compose >/dev/null || missing+=(docker-compose)
	[ -x /usr/lib/podman/netavark ] || missing+=(netavark)
	[ -x /usr/lib/podman/aardvark-dns ] || missing+=(aardvark-dns)
	command -v python3 >/dev/null || missing+=(python3)
	command -v openssl >/dev/null || missing+=(openssl)
	[ ${#missing[@]} -eq 0 ] && return 0
	say "installing ${missing[*]} (apt-get)"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

configure_podman() {
	mkdir -p "$STATE/networks" "$STATE/runs"
	local file
	for file in containers storage; do
		sed "s#@STATE@#$STATE#g" "$HERE/$file.conf.in" >"$STATE/$file.conf"
	done
}

# A minimal Debian root file system carrying this machine's CA certificates (its egress proxy re-signs TLS:
# without them no container reaches Maven Central over https), imported as the stand-ins' base.
base_image() {
	podman image exists localhost/switchboard-ct/debian:bookworm && return 0
	say "debootstrap: a minimal Debian bookworm for the stand-in base images"
	rm -rf "$STATE/rootfs.tmp"
	debootstrap --variant=minbase --include=ca-certificates,curl bookworm "$STATE/rootfs.tmp" \
		"${SWITCHBOARD_DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$STATE/debootstrap.log" 2>&1 ||
		die "debootstrap failed, see $STATE/debootstrap.log"
	cp /usr/local/share/ca-certificates/*.crt "$STATE/rootfs.tmp/usr/local/share/ca-certificates/" 2>/dev/null || true
	chroot "$STATE/rootfs.tmp" update-ca-certificates >/dev/null
	chroot "$STATE/rootfs.tmp" apt-get clean
	rm -rf "$STATE/rootfs.tmp/var/lib/apt/lists/"*
	tar -C "$STATE/rootfs.tmp" -c . | podman import -q - localhost/switchboard-ct/debian:bookworm >/dev/null
	rm -rf "$STATE/rootfs.tmp"
}

find_host_jdk() {
	local candidate major
	for candidate in /usr/lib/jvm/temurin-*-jdk-* /usr/lib/jvm/java-2[1-9]-openjdk-* /usr/lib/jvm/*; do
		[ -x "$candidate/bin/javac" ] || continue
		major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 |
			sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
		[ -n "$major" ] && [ "$major" -ge 21 ] && { echo "$candidate"; return 0; }
	done
	return 1
}

# The images docker-compose.yml and docker/Dockerfile name, built under their exact tags from Debian's packages
# (podman's layer cache makes a second run take seconds).
stand_ins() {
	local jdk ctx=$STATE/ctx-temurin
	jdk=$(find_host_jdk) || die "no JDK 21 or newer under /usr/lib/jvm for the eclipse-temurin stand-in"
	rm -rf "$ctx" && mkdir -p "$ctx"
	cp "$HERE/stand-ins/eclipse-temurin/Containerfile" "$ctx/"
	cp -a "$jdk" "$ctx/jdk"
	# the JDK's trust store as this machine has it (Debian links it to /etc/ssl/certs/java/cacerts)
	if [ -L "$ctx/jdk/lib/security/cacerts" ]; then
		rm "$ctx/jdk/lib/security/cacerts"
		cp "$(readlink -f "$jdk/lib/security/cacerts")" "$ctx/jdk/lib/security/cacerts"
	fi
	podman build -q -t docker.io/library/eclipse-temurin:21-jdk -t docker.io/library/eclipse-temurin:21-jre "$ctx" >/dev/null
	podman build -q -t docker.io/library/rabbitmq:4-management "$HERE/stand-ins/rabbitmq" >/dev/null
	podman build -q -t docker.io/library/postgres:16 "$HERE/stand-ins/postgres" >/dev/null
	rm -rf "$ctx"
	say "stand-in images (Docker Hub is not reachable here; the compose file and Dockerfile are unchanged):"
	say "  eclipse-temurin:21-jdk and :21-jre = Debian bookworm + $(basename "$jdk") from this machine"
	say "  rabbitmq:4-management = Debian bookworm + Debian's rabbitmq-server $(podman run --rm --entrypoint \
		dpkg-query docker.io/library/rabbitmq:4-management -W -f '${Version}' rabbitmq-server) with management"
	say "  postgres:16 = Debian bookworm + Debian's PostgreSQL 15, entrypoint reproducing POSTGRES_* and initdb.d"
}

# --- podman's Docker-compatible API, and the healthchecks podman runs only with systemd -----------------------

PIDS=()
start_podman_service() {
	podman system service --time=0 "unix://$RUN/podman.sock" >"$RUN/podman-service.log" 2>&1 &
	PIDS+=($!)
	for _ in $(seq 1 50); do
		[ -S "$RUN/podman.sock" ] && return 0
		sleep 0.2
	done
	die "podman system service did not open $RUN/podman.sock"
}

# Podman schedules healthchecks with systemd timers; without systemd (these machines) nothing runs them, and
# docker-compose would wait for service_healthy forever. This loop is that timer: every 10 s (the compose
# file's interval) it runs each running container's healthcheck, and podman keeps the state as Docker does.
start_health_ticker() {
	(
		while true; do
			for id in $(podman ps -q --filter "label=com.docker.compose.project=$PROJECT" 2>/dev/null); do
				timeout 30 podman healthcheck run "$id" >/dev/null 2>&1 &
			done
			wait
			sleep 10
		done
	) &
	PIDS+=($!)
}

start_fake() {
	FAKE_PORT=$(free_port 19100)
	SWITCHBOARD_FAKE_LIFETIME=3600 python3 "$HERE/fake_saas.py" "$FAKE_PORT" 2>"$RUN/fake-saas.log" &
	PIDS+=($!)
	for _ in $(seq 1 50); do
		curl -fsS -o /dev/null "http://127.0.0.1:$FAKE_PORT/_fake/state" 2>/dev/null && return 0
		sleep 0.2
	done
	die "the fake SaaS did not start"
}

free_port() {
	local port=$1
	while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
	echo "$port"
}

cleanup() {
	local status=$?
	if [ "$KEEP" -eq 0 ] && [ -f "$RUN/env" ]; then
		compose down -v -t 5 >>"$RUN/compose.log" 2>&1 || true
	fi
	local pid
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	[ "$KEEP" -eq 1 ] && say "kept: project $PROJECT (DOCKER_HOST=unix://$RUN/podman.sock, CONTAINERS_CONF=$CONTAINERS_CONF)"
	exit "$status"
}

# docker-compose 1.29 on the real compose file, with the test's own project name and env file only: nothing
# from the caller's environment or a .env in the repository reaches it.
compose() {
	env -i PATH="$PATH" HOME="$HOME" DOCKER_HOST="unix://$RUN/podman.sock" COMPOSE_HTTP_TIMEOUT=900 \
		docker-compose --ansi never -p "$PROJECT" -f "$ROOT/docker-compose.yml" --env-file "$RUN/env" "$@"
}

write_env() {
	API_KEY=$(openssl rand -hex 24)
	GITHUB_SECRET=$(openssl rand -hex 32)
	GATEWAY_PORT=$(free_port 18080)
	cat >"$RUN/env" <<EOF
SWITCHBOARD_INTERNAL_TOKEN=$(openssl rand -hex 32)
SWITCHBOARD_ENCRYPTION_KEY=$(openssl rand -base64 32)
RABBITMQ_PASSWORD=$(openssl rand -hex 32)
POSTGRES_PASSWORD=$(openssl rand -hex 32)
SWITCHBOARD_VERSION=$TAG
GATEWAY_PORT=$GATEWAY_PORT
GATEWAY_PUBLICBASEURL=http://localhost:$GATEWAY_PORT
GATEWAY_APIKEYS_0_NAME=compose-test
GATEWAY_APIKEYS_0_SHA256=$(printf %s "$API_KEY" | sha256sum | cut -d' ' -f1)
GATEWAY_WEBHOOKS_GITHUB_SECRET=$GITHUB_SECRET
ISSUESYNC_GITHUB_BASEURL=http://host.containers.internal:$FAKE_PORT
ISSUESYNC_GITHUB_TOKEN=github_pat_composetest
CRMBRIDGE_ZENDESK_BASEURL=http://host.containers.internal:$FAKE_PORT
CRMBRIDGE_ZENDESK_EMAIL=integrations@example.com
CRMBRIDGE_ZENDESK_APITOKEN=composetest
EOF
}

# --- what an operator looks at ----------------------------------------------------------------------------

containers() { podman ps -a --filter "label=com.docker.compose.project=$PROJECT" --format '{{.Names}}' | sort; }
health_of() { podman inspect --format '{{.State.Status}}/{{.State.Healthcheck.Status}}' "$1" 2>/dev/null; }

# waits until every container of the project runs and is healthy; prints the table
wait_healthy() {
	local limit=$1 expected=$2 deadline=$(($(date +%s) + $1)) names name unhealthy count
	while true; do
		names=$(containers)
		count=$(echo "$names" | grep -c . || true)
		unhealthy=""
		for name in $names; do
			healthy_now "$name" || unhealthy+=" $name($(health_of "$name"))"
		done
		if [ -z "$unhealthy" ] && [ "$count" -eq "$expected" ]; then
			return 0
		fi
		if [ "$(date +%s)" -ge "$deadline" ]; then
			say "     not healthy after ${limit}s:$unhealthy ($count of $expected containers)"
			return 1
		fi
		sleep 5
	done
}

admin() { # admin METHOD PATH [BODY]: through the published port with the key; prints the body, status in $HTTP
	local out data=()
	[ $# -ge 3 ] && data=(--data "$3")
	out=$(curl -sS -o "$RUN/admin.out" -w '%{http_code}' -X "$1" "http://127.0.0.1:$GATEWAY_PORT$2" \
		-H "Authorization: Bearer $API_KEY" -H 'Content-Type: application/json' "${data[@]}") || out=000
	HTTP=$out
	cat "$RUN/admin.out"
}

fake() { # fake PATH [BODY]: the fake SaaS's controls (POST with a body)
	local data=()
	[ $# -ge 2 ] && data=(--data "$2")
	curl -fsS "http://127.0.0.1:$FAKE_PORT$1" -H 'Content-Type: application/json' "${data[@]}"
}
ticket_status() { fake /_fake/state | python3 -c "import json,sys; print(json.load(sys.stdin)['tickets'].get('$1',{}).get('status',''))"; }
# how many updates of the ticket set this status (the reopen is one update with status open)
updates_with_status() {
	fake /_fake/state | python3 -c "import json,sys; print(sum(1 for u in json.load(sys.stdin)['updates'] if u['ticket']=='$1' and u['status']=='$2'))"
}

wait_for() { # wait_for SECONDS command...: polls every 2 s
	local deadline=$(($(date +%s) + $1))
	shift
	until "$@"; do
		[ "$(date +%s)" -ge "$deadline" ] && return 1
		sleep 2
	done
}

ticket_is_open() { [ "$(ticket_status "$1")" = open ]; }
has_comment() { [ "$(fake /_fake/state | python3 -c "import json,sys; print(len(json.load(sys.stdin)['tickets']['$1']['comments']))")" -ge 1 ]; }
queue_holds() { local depth; depth=$(queue_depth "$1"); [ -n "$depth" ] && [ "$depth" -ge "$2" ]; }
healthy_now() { [ "$(health_of "$1")" = running/healthy ] && podman healthcheck run "$1" >/dev/null 2>&1; }
restarted() { # restarted NAME COUNT_BEFORE
	[ "$(restarts "$1")" -gt "$2" ]
}

# a signed GitHub "issues" delivery through the published port; prints the HTTP status
github_close() { # github_close ISSUE_NUMBER
	local at body sig
	at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
	fake /_fake/issue "{\"number\":$1,\"state\":\"closed\",\"reason\":\"completed\",\"updatedAt\":\"$at\"}" >/dev/null
	body="{\"action\":\"closed\",\"issue\":$(fake "/repos/octo-org/widgets/issues/$1"),\"repository\":{\"id\":186853002,\"name\":\"widgets\",\"full_name\":\"octo-org/widgets\",\"html_url\":\"https://github.com/octo-org/widgets\"},\"sender\":{\"login\":\"octocat\",\"id\":1,\"type\":\"User\"}}"
	sig=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$GITHUB_SECRET" | sed 's/.*= //')
	curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$GATEWAY_PORT/webhooks/github" \
		-H 'X-GitHub-Event: issues' -H "X-GitHub-Delivery: $PROJECT-close-$1" \
		-H "X-Hub-Signature-256: sha256=$sig" -H 'Content-Type: application/json' --data-binary "$body"
}

# a ticket in the fake Zendesk, solved, linked to an open issue through the admin API
link_ticket() { # link_ticket TICKET ISSUE: prints the status of POST /api/links
	fake /_fake/ticket "{\"id\":\"$1\",\"status\":\"solved\"}" >/dev/null
	fake /_fake/issue "{\"number\":$2,\"state\":\"open\",\"reason\":null}" >/dev/null
	admin POST /api/links "{\"ticketId\":\"$1\",\"issueUrl\":\"https://github.com/octo-org/widgets/issues/$2\"}" >/dev/null
	echo "$HTTP"
}

links_of() { admin GET "/api/links?ticketId=$1" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))' 2>/dev/null || echo -1; }
deliveries_count() { admin GET "/api/deliveries?provider=github" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null || echo -1; }

# is each recorded effect still there: links, the subscription, the delivery log
state_kept() {
	local links deliveries subs
	links=$(links_of 1001)
	deliveries=$(deliveries_count)
	subs=$(admin GET "/api/subscriptions/$SUBSCRIPTION" >/dev/null; echo "$HTTP")
	say "     link of ticket 1001: $links, github deliveries logged: $deliveries, subscription: HTTP $subs"
	[ "$links" = 1 ] && [ "$deliveries" -ge 1 ] && { [ -z "$SUBSCRIPTION" ] || [ "$subs" = 200 ]; }
}

print_sizes_and_memory() {
	say "images:"
	podman images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E "switchboard/.*:$TAG|library/" | sed 's/^/  /'
	say "containers (memory after the flow / limit; JVM max heap from the container's limit):"
	local name mem heap
	for name in $(containers); do
		mem=$(podman stats --no-stream --no-reset --format '{{.MemUsage}}' "$name" 2>/dev/null || echo "?")
		heap=""
		if [[ $name != *rabbitmq* && $name != *postgres* ]]; then
			heap=$(podman exec "$name" java -XX:+PrintFlagsFinal -version 2>/dev/null |
				awk '/ MaxHeapSize /{printf "max heap %d MiB", $4/1048576}')
		fi
		printf '  %-45s %-24s %s\n' "$name" "$mem" "$heap"
	done
}

heap_fits() {
	local name heap limit
	for name in $(containers); do
		[[ $name == *rabbitmq* || $name == *postgres* ]] && continue
		heap=$(podman exec "$name" java -XX:+PrintFlagsFinal -version 2>/dev/null | awk '/ MaxHeapSize /{print $4}')
		limit=$(podman inspect --format '{{.HostConfig.Memory}}' "$name")
		[ -n "$heap" ] && [ "$limit" -gt 0 ] && [ "$heap" -lt "$limit" ] || { say "     $name: heap $heap, limit $limit"; return 1; }
		# and leaves room for metaspace, threads and the code cache (at least 128 MiB)
		[ $((limit - heap)) -ge $((128 * 1048576)) ] || { say "     $name: heap $heap leaves too little of $limit"; return 1; }
	done
}

# The services' containers started only after RabbitMQ and PostgreSQL were healthy, read from podman's events.
# Podman emits a health_status event as a check starts, with the state before it: the state turned healthy when
# the check that ended (exec_died) just before the first "healthy" event ended.
started_in_order() {
	podman events --stream=false --since "$UP_AT" --filter "label=com.docker.compose.project=$PROJECT" \
		--format '{{.Time.UnixNano}} {{.Status}} {{.Name}} {{.HealthStatus}}' 2>/dev/null |
		python3 -c '
import sys
project, up = sys.argv[1], int(sys.argv[2]) * 10**9
events = sorted(line.split() for line in sys.stdin if line.strip())
def healthy_at(name):
    last_exec = None
    for e in events:
        if e[2] == name and e[1] == "exec_died":
            last_exec = int(e[0])
        if e[2] == name and e[1] == "health_status" and e[3:] == ["healthy"]:
            return last_exec
deps = {s: healthy_at(f"{project}_{s}_1") for s in ("rabbitmq", "postgres")}
if None in deps.values():
    sys.exit("     no healthy event for " + ", ".join(k for k, v in deps.items() if v is None))
ok = True
for s, at in deps.items():
    print(f"     {s} healthy at +{(at - up) / 1e9:.1f} s after up")
for s in sys.argv[3:]:
    starts = [int(e[0]) for e in events if e[2] == f"{project}_{s}_1" and e[1] == "start"]
    first = starts[0] if starts else None
    print(f"     {s} started at +{(first - up) / 1e9:.1f} s" if first else f"     {s}: no start event")
    ok = ok and first is not None and first >= max(deps.values())
sys.exit(0 if ok else 1)
' "$PROJECT" "$UP_EPOCH" "${SERVICES[@]}"
}

only_gateway_published() {
	local published
	published=$(podman ps --filter "label=com.docker.compose.project=$PROJECT" --format '{{.Names}} {{.Ports}}' | awk 'NF > 1')
	say "     published: $published"
	[ "$(echo "$published" | grep -c .)" -eq 1 ] && [[ $published == "${PROJECT}_gateway_1 "*":$GATEWAY_PORT->8080/tcp"* ]]
}

main_pid() { podman inspect --format '{{.State.Pid}}' "$1"; }
restarts() { podman inspect --format '{{.RestartCount}}' "$1"; }

queue_depth() { # messages in a queue, read in the broker's container as an operator would
	compose exec -T rabbitmq rabbitmqctl -q list_queues name messages 2>/dev/null | awk -v q="$1" '$1 == q {print $2}'
}

# --- the run ------------------------------------------------------------------------------------------------

install_packages
configure_podman
exec 9>"$STATE/lock"
flock -n 9 || { say "another compose test runs on this machine: waiting for it"; flock 9; }
mkdir -p "$RUN"
# the logs of the last five runs are kept
find "$STATE/runs" -mindepth 1 -maxdepth 1 -type d -printf '%T@ %p\n' | sort -rn | tail -n +6 | cut -d' ' -f2- | xargs -r rm -rf
trap cleanup EXIT
trap 'exit 143' TERM INT
say "compose test $PROJECT: podman $(podman version --format '{{.Client.Version}}') with runc, $(docker-compose version --short 2>/dev/null | head -1 | sed 's/^/docker-compose /') over podman's Docker API; logs in $RUN"
base_image
stand_ins
start_podman_service
start_health_ticker
start_fake
write_env
SUBSCRIPTION=""

say "build network: bridge (the build containers reach Maven Central through this machine's egress; see README)"
build_started=$(date +%s)
if compose build >"$RUN/build.log" 2>&1; then
	ok "the five images build from docker/Dockerfile ($(($(date +%s) - build_started)) s)"
else
	fail "the five images build from docker/Dockerfile (see $RUN/build.log)"
	tail -30 "$RUN/build.log"
	exit 1
fi

say "up -d: RabbitMQ and PostgreSQL first, the services once both are healthy ($(elapsed))"
up_started=$(date +%s)
UP_EPOCH=$up_started
UP_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)
compose up -d >"$RUN/up.log" 2>&1 || { cat "$RUN/up.log"; fail "docker-compose up -d"; exit 1; }
if wait_healthy 420 7; then
	ok "up: all seven containers healthy ($(($(date +%s) - up_started)) s after up)"
else
	fail "up: all seven containers healthy"
	for name in $(containers); do podman logs --tail 20 "$name" >"$RUN/$name.log" 2>&1; done
	exit 1
fi
check "the services started after RabbitMQ and PostgreSQL were healthy (depends_on: service_healthy)" started_in_order
check "only the gateway's port is published (host port $GATEWAY_PORT -> 8080)" only_gateway_published

status=$(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$GATEWAY_PORT/api/links?ticketId=1001")
check "admin API without a key is refused (HTTP $status)" test "$status" = 401 -o "$status" = 403
status=$(curl -sS -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer wrong-key' "http://127.0.0.1:$GATEWAY_PORT/api/links?ticketId=1001")
check "admin API with a wrong key is refused (HTTP $status)" test "$status" = 401 -o "$status" = 403
admin GET /api/docs >/dev/null
check "admin API with the configured key: GET /api/docs (HTTP $HTTP)" test "$HTTP" = 200

status=$(link_ticket 1001 42)
check "POST /api/links ticket 1001 -> octo-org/widgets#42 through the gateway (HTTP $status; issue read from the fake GitHub)" test "$status" = 201
status=$(github_close 42)
check "signed GitHub 'issues closed' webhook to the published port (HTTP $status)" test "$status" = 202
check "issue-sync reopened linked ticket 1001 in the fake Zendesk (through crm-bridge)" wait_for 90 ticket_is_open 1001
admin POST /api/subscriptions '{"name":"compose-test","source":{"type":"feed","url":"https://status.switchboard.invalid/history.atom"},"channel":{"type":"slack","channelId":"C0COMPOSE1"},"components":[]}' >"$RUN/subscription.json"
SUBSCRIPTION=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("id",""))' "$RUN/subscription.json" 2>/dev/null || true)
[ -n "$SUBSCRIPTION" ] || { say "     (subscription not created: HTTP $HTTP $(head -c 300 "$RUN/subscription.json"); not checked below)"; SUBSCRIPTION=""; }
check "state recorded: link, delivery log${SUBSCRIPTION:+, subscription}" state_kept
say "after the first flow ($(elapsed)):"
print_sizes_and_memory
check "each JVM's max heap fits its mem_limit with room to spare" heap_fits

if [ "${SWITCHBOARD_COMPOSE_TEST_QUICK:-0}" = 1 ]; then
	say "SWITCHBOARD_COMPOSE_TEST_QUICK=1: the first part only"
else
	say "restart issue-sync-service ($(elapsed))"
	compose restart issue-sync-service >>"$RUN/compose.log" 2>&1
	check "restart: healthy again" wait_healthy 240 7
	check "restart: state kept" state_kept

	say "down + up ($(elapsed))"
	compose down -t 30 >>"$RUN/compose.log" 2>&1
	compose up -d >>"$RUN/compose.log" 2>&1
	check "down + up: all seven healthy again" wait_healthy 420 7
	check "down + up: links, subscription and delivery log kept (volumes)" state_kept

	say "in-flight messages across a broker restart ($(elapsed))"
	status=$(link_ticket 1002 43)
	wait_for 60 has_comment 1002 || true
	compose stop crm-bridge-service >>"$RUN/compose.log" 2>&1
	status=$(github_close 43)
	# a close as completed sends the reopen at once and its note after issue-sync.fix-wait (30 s): both wait
	wait_for 90 queue_holds tickets.commands.crm-bridge-service 2 || true
	depth=$(queue_depth tickets.commands.crm-bridge-service)
	say "     tickets.commands.crm-bridge-service holds ${depth:-?} message(s) while crm-bridge is stopped"
	compose restart rabbitmq >>"$RUN/compose.log" 2>&1
	wait_for 120 healthy_now "${PROJECT}_rabbitmq_1" || true
	# a quorum queue shows its messages again once its log is recovered, a few seconds after the node is up
	wait_for 60 queue_holds tickets.commands.crm-bridge-service "${depth:-1}" || true
	after=$(queue_depth tickets.commands.crm-bridge-service)
	check "broker restart: the queued commands are still there (${depth:-?} before, ${after:-?} after)" test -n "$depth" -a "${depth:-0}" -ge 2 -a "${after:-0}" -ge "${depth:-0}"
	compose start crm-bridge-service >>"$RUN/compose.log" 2>&1
	check "broker restart: ticket 1002 reopened once crm-bridge is back" wait_for 180 ticket_is_open 1002
	check "broker restart: every container healthy again" wait_healthy 300 7

	say "scale: issue-sync-service=2 crm-bridge-service=2 ($(elapsed))"
	compose up -d --scale issue-sync-service=2 --scale crm-bridge-service=2 >>"$RUN/compose.log" 2>&1
	check "scale: nine containers healthy" wait_healthy 420 9
	status=$(link_ticket 1003 44)
	check "scale: link through the gateway (HTTP $status)" test "$status" = 201
	status=$(github_close 44)
	check "scale: ticket 1003 reopened" wait_for 120 ticket_is_open 1003
	github_close 44 >/dev/null # GitHub redelivers: the gateway answers 200 and nothing is applied again
	sleep 15
	check "scale: the reopen applied once (updates with status open: $(updates_with_status 1003 open))" test "$(updates_with_status 1003 open)" = 1

	say "SIGKILL of crm-bridge-service's JVMs, as the OOM killer would ($(elapsed))"
	status=$(link_ticket 1004 45)
	wait_for 60 has_comment 1004 || true
	declare -A before_restarts
	for name in $(containers | grep crm-bridge-service); do
		before_restarts[$name]=$(restarts "$name")
		kill -KILL "$(main_pid "$name")"
	done
	status=$(github_close 45)
	check "SIGKILL: webhook accepted while crm-bridge is down (HTTP $status)" test "$status" = 202
	check "SIGKILL: restarted by the restart policy and healthy" wait_healthy 300 9
	for name in "${!before_restarts[@]}"; do
		say "     $name restarts: ${before_restarts[$name]} -> $(restarts "$name")"
		check "SIGKILL: $name restarted by its restart policy" restarted "$name" "${before_restarts[$name]}"
	done
	check "SIGKILL: caught up, ticket 1004 reopened" wait_for 120 ticket_is_open 1004
	check "SIGKILL: every reopen applied once" test "$(updates_with_status 1004 open)" = 1 -a "$(updates_with_status 1001 open)" = 1 -a "$(updates_with_status 1002 open)" = 1
	say "after the whole flow ($(elapsed)):"
	print_sizes_and_memory
fi

say "compose test: $(elapsed) in all; stand-in base images (Debian packages), not Docker Hub's"
echo "compose-test: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
