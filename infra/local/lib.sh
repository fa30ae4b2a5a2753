# shellcheck shell=bash
# Shared helpers for infra/local/{up,down,status}. Sourced, never executed.
#
# Layout (everything under infra/local/var/, git-ignored):
#   var/up.lock                         flock serialising up/down
#   var/run/*.pid                       pid files
#   var/logs/*.log                      one log per component (+ var/logs/elasticsearch/ for ES's own files)
#   var/postgres/data                   PostgreSQL cluster              (purged by down --purge)
#   var/kafka/libs                      Kafka jars resolved by Maven    (kept: artifact)
#   var/kafka/data                      KRaft metadata + topic logs     (purged)
#   var/downloads/                      ES zip copied out of ~/.m2 by Maven, deleted once unpacked
#   var/elasticsearch/dist              unpacked ES distribution        (kept: artifact)
#   var/elasticsearch/{config,data,tmp} ES config and data              (purged)

# ---------------------------------------------------------------- paths and ports
FD_LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
FD_REPO_ROOT="$(cd "$FD_LOCAL_DIR/../.." && pwd -P)"
FD_VAR="$FD_LOCAL_DIR/var"
FD_RUN="$FD_VAR/run"
FD_LOGS="$FD_VAR/logs"
FD_LOCK_FILE="$FD_VAR/up.lock"
# The up/down lock is held on fd 200; every long-lived child is started with `200>&-`
# (a literal: bash cannot close a variable fd number portably), see fd_spawn.

FD_PG_PORT="${FD_PG_PORT:-5432}"
FD_KAFKA_PORT="${FD_KAFKA_PORT:-9092}"
FD_KAFKA_CONTROLLER_PORT="${FD_KAFKA_CONTROLLER_PORT:-9093}"
FD_ES_PORT="${FD_ES_PORT:-9200}"
FD_ES_TRANSPORT_PORT="${FD_ES_TRANSPORT_PORT:-9300}"
FD_ORDER_PORT="${FD_ORDER_PORT:-8081}"
FD_PAYMENT_PORT="${FD_PAYMENT_PORT:-8082}"
FD_DELIVERY_PORT="${FD_DELIVERY_PORT:-8083}"
FD_QUERY_PORT="${FD_QUERY_PORT:-8084}"
FD_HOST=127.0.0.1

FD_WAIT_TIMEOUT="${FD_WAIT_TIMEOUT:-120}"                  # infra components
FD_SERVICE_WAIT_TIMEOUT="${FD_SERVICE_WAIT_TIMEOUT:-180}"  # 4 Spring Boot apps on 2 cores
FD_LOCK_TIMEOUT="${FD_LOCK_TIMEOUT:-900}"
FD_SERVICE_JAVA_OPTS="${FD_SERVICE_JAVA_OPTS:--Xms128m -Xmx512m -XX:+ExitOnOutOfMemoryError}"

FD_SERVICES=(order-service payment-service delivery-service query-service)

FD_PG_DIR="$FD_VAR/postgres"
FD_PG_DATA="$FD_PG_DIR/data"
FD_PG_SOCKET_DIR="$FD_PG_DIR/socket"
FD_PG_SUPERUSER=postgres
FD_PG_SUPERPASS=postgres
FD_APP_DB_USER=fooddelivery
FD_APP_DB_PASS=fooddelivery
FD_APP_DBS=(orders payments deliveries)

FD_KAFKA_DIR="$FD_VAR/kafka"
FD_KAFKA_LIBS="$FD_KAFKA_DIR/libs"
FD_KAFKA_DATA="$FD_KAFKA_DIR/data"
FD_KAFKA_HEAP="${FD_KAFKA_HEAP:--Xms256m -Xmx768m}"

FD_ES_DIR="$FD_VAR/elasticsearch"
FD_ES_VERSION="$(sed -n 's:.*<elasticsearch.version>\(.*\)</elasticsearch.version>.*:\1:p' "$FD_LOCAL_DIR/pom.xml")"
FD_ES_HOME="$FD_ES_DIR/dist/elasticsearch-$FD_ES_VERSION"
FD_ES_CONF="$FD_ES_DIR/config"
FD_ES_DATA="$FD_ES_DIR/data"
FD_ES_LOGDIR="$FD_LOGS/elasticsearch"
FD_ES_HEAP="${FD_ES_HEAP:--Xms512m -Xmx512m}"

# ---------------------------------------------------------------- logging
fd_log() { printf '%s [infra/local] %s\n' "$(date +%H:%M:%S)" "$*"; }
fd_warn() { printf '%s [infra/local] WARN: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fd_die() {
  printf '%s [infra/local] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2
  exit 1
}

# Print the tail of the given log files to stderr, then die.
fd_fail_with_logs() {
  local msg=$1 f
  shift
  for f in "$@"; do
    [[ -f $f ]] || continue
    printf '\n----- last 60 lines of %s -----\n' "$f" >&2
    tail -n 60 "$f" >&2 || true
  done
  printf -- '-----\n' >&2
  fd_die "$msg"
}

# ---------------------------------------------------------------- locking
# Serialise up/down: several Maven test modules may run `up --infra-only` at once;
# the second waits here and then finds everything healthy.
fd_take_lock() {
  mkdir -p "$FD_VAR"
  exec 200>>"$FD_LOCK_FILE"
  if ! flock -n 200; then
    fd_log "another infra/local up/down is running; waiting for $FD_LOCK_FILE (max ${FD_LOCK_TIMEOUT}s)"
    flock -w "$FD_LOCK_TIMEOUT" 200 || fd_die "timed out waiting for $FD_LOCK_FILE"
  fi
}

# ---------------------------------------------------------------- prerequisites
fd_java_major() { # <java_home> -> major version on stdout (empty if not a JDK)
  local home=$1 v=""
  [[ -x $home/bin/java ]] || return 0
  if [[ -f $home/release ]]; then
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")"
  fi
  if [[ -z $v ]]; then
    v="$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p')"
  fi
  printf '%s' "$v"
}

# FD_JAVA_HOME env, else Temurin 25, else the newest JDK 21+ under /usr/lib/jvm.
fd_find_java_home() {
  local msg="install a JDK 21+, e.g. apt-get install openjdk-21-jdk-headless, or set FD_JAVA_HOME"
  if [[ -n ${FD_JAVA_HOME:-} ]]; then
    local m
    m="$(fd_java_major "$FD_JAVA_HOME")"
    [[ -n $m && $m -ge 21 ]] || fd_die "FD_JAVA_HOME=$FD_JAVA_HOME is not a JDK 21+ ($msg)"
    FD_JAVA_MAJOR=$m
    return 0
  fi
  local preferred=/usr/lib/jvm/temurin-25-jdk-amd64 best="" best_v=0 d v
  v="$(fd_java_major "$preferred")"
  if [[ -n $v && $v -ge 21 ]]; then
    FD_JAVA_HOME=$preferred FD_JAVA_MAJOR=$v
    return 0
  fi
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [[ -L $d ]] && continue # skip the Debian alias symlinks (java-1.17.0-openjdk-amd64 ...)
    v="$(fd_java_major "$d")"
    [[ -n $v && $v -ge 21 && $v -gt $best_v ]] && { best=$d; best_v=$v; }
  done
  [[ -n $best ]] || fd_die "no JDK 21+ found: $msg"
  FD_JAVA_HOME=$best FD_JAVA_MAJOR=$best_v
}

# Newest PostgreSQL >= 15 server binaries (Debian layout first, then pg_config, then PATH).
fd_find_pg_bindir() {
  local best="" best_v=0 d v cand=()
  for d in /usr/lib/postgresql/*/bin; do cand+=("$d"); done
  command -v pg_config >/dev/null 2>&1 && cand+=("$(pg_config --bindir 2>/dev/null || true)")
  command -v initdb >/dev/null 2>&1 && cand+=("$(dirname "$(command -v initdb)")")
  for d in "${cand[@]}"; do
    [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]] || continue
    v="$("$d/postgres" --version 2>/dev/null | sed -n 's/.* \([0-9][0-9]*\)\..*/\1/p')"
    [[ -n $v && $v -ge 15 && $v -gt $best_v ]] && { best=$d; best_v=$v; }
  done
  [[ -n $best ]] || return 1
  FD_PG_BIN=$best
  FD_PG_VERSION=$best_v
}

# What infra/local/up and infra/local/test need. As root, whatever is missing is installed on the spot
# (infra/local/install-prerequisites, apt-get); otherwise the one sudo command to run is named.
fd_check_prereqs() {
  if ! fd_prereqs_present; then
    if [[ $(id -u) -eq 0 ]]; then
      fd_log "installing what is missing (infra/local/install-prerequisites)"
      "$FD_REPO_ROOT/infra/local/install-prerequisites"
    fi
    fd_prereqs_present report || exit 1
  fi
  fd_find_java_home
  [[ -x $FD_REPO_ROOT/mvnw ]] || fd_die "Maven wrapper $FD_REPO_ROOT/mvnw not found or not executable"
}

# What the scripts need and is missing, one "<Debian package>|<what it is for>" each, into FD_MISSING_PREREQS: the
# one list that both the check below and infra/local/install-prerequisites read. Runs in this shell (not in $(...)),
# since finding PostgreSQL and the JDK sets FD_PG_BINDIR, FD_PG_VERSION and FD_JAVA_HOME for later steps.
fd_missing_prereqs() {
  FD_MISSING_PREREQS=()
  fd_find_pg_bindir || FD_MISSING_PREREQS+=("postgresql|PostgreSQL 15+ server binaries: initdb/pg_ctl/postgres")
  command -v curl >/dev/null 2>&1 || FD_MISSING_PREREQS+=("curl|curl")
  command -v unzip >/dev/null 2>&1 || FD_MISSING_PREREQS+=("unzip|unzip")
  { command -v flock && command -v runuser && command -v setsid; } >/dev/null 2>&1 ||
    FD_MISSING_PREREQS+=("util-linux|flock, runuser and setsid")
  command -v ps >/dev/null 2>&1 || FD_MISSING_PREREQS+=("procps|ps")
  command -v jq >/dev/null 2>&1 || FD_MISSING_PREREQS+=("jq|jq: infra/load/run's summary, infra/local/walkthrough")
  command -v uuidgen >/dev/null 2>&1 || FD_MISSING_PREREQS+=("uuid-runtime|uuidgen: the README's Idempotency-Keys")
  command -v promtool >/dev/null 2>&1 || FD_MISSING_PREREQS+=("prometheus|promtool: checks and tests the alert rules")
  (fd_find_java_home) >/dev/null 2>&1 || FD_MISSING_PREREQS+=("jdk|a JDK 21+ (openjdk-21-jdk-headless or newer)")
  return 0
}

fd_prereqs_present() { # [report] -> 0 when nothing is missing; with report, says what is and how to fix it
  fd_missing_prereqs
  ((${#FD_MISSING_PREREQS[@]} == 0)) && return 0
  if [[ ${1:-} == report ]]; then
    printf '%s [infra/local] ERROR: missing prerequisites; run: sudo %s\n' "$(date +%H:%M:%S)" \
      "$FD_REPO_ROOT/infra/local/install-prerequisites" >&2
    printf '  - %s\n' "${FD_MISSING_PREREQS[@]#*|}" >&2
  fi
  return 1
}

# ---------------------------------------------------------------- run-as user
# initdb and Elasticsearch refuse to run as root: when we are root, PostgreSQL,
# Kafka and Elasticsearch run as the system user fdinfra instead.
fd_setup_infra_user() { # create|no-create (down must not create a user just to stop nothing)
  if [[ $(id -u) -eq 0 ]]; then
    FD_INFRA_USER=fdinfra
    if ! id -u "$FD_INFRA_USER" >/dev/null 2>&1; then
      [[ $1 == no-create ]] && return 0
      fd_log "creating system user $FD_INFRA_USER (runs PostgreSQL/Kafka/Elasticsearch; they refuse root)"
      useradd --system --no-create-home --shell /usr/sbin/nologin "$FD_INFRA_USER"
    fi
  else
    FD_INFRA_USER="$(id -un)"
  fi
}

# Run a command as the infra user (directly when we are not root).
fd_as_infra() {
  if [[ $(id -u) -eq 0 && $FD_INFRA_USER != root ]]; then
    runuser -u "$FD_INFRA_USER" -- "$@"
  else
    "$@"
  fi
}

# Create dirs owned by the infra user (var/run is group-writable so daemons can write pid files).
fd_prepare_dirs() {
  mkdir -p "$FD_RUN" "$FD_LOGS" "$FD_VAR/downloads" "$FD_PG_DIR" "$FD_KAFKA_DIR" "$FD_KAFKA_DATA" \
    "$FD_ES_DIR" "$FD_ES_DATA" "$FD_ES_DIR/tmp" "$FD_ES_LOGDIR" "$FD_PG_SOCKET_DIR"
  if [[ $(id -u) -eq 0 ]]; then
    local grp
    grp="$(id -gn "$FD_INFRA_USER")"
    chown "root:$grp" "$FD_RUN"
    chmod 0775 "$FD_RUN"
    chown "$FD_INFRA_USER:$grp" "$FD_PG_DIR" "$FD_PG_SOCKET_DIR" "$FD_KAFKA_DATA" "$FD_ES_DATA" "$FD_ES_DIR/tmp" "$FD_ES_LOGDIR"
    # e.g. a data dir created by an earlier non-root run
    if [[ -d $FD_PG_DATA && $(stat -c %U "$FD_PG_DATA") != "$FD_INFRA_USER" ]]; then
      chown -R "$FD_INFRA_USER:$grp" "$FD_PG_DATA"
    fi
    # The infra user must be able to reach var/ (every ancestor needs o+x).
    if ! runuser -u "$FD_INFRA_USER" -- test -x "$FD_VAR" -a -w "$FD_PG_DIR"; then
      local p=$FD_VAR
      while [[ $p != / ]]; do
        runuser -u "$FD_INFRA_USER" -- test -x "$p" || fd_die "user $FD_INFRA_USER cannot traverse $p (chmod o+x it, or move the repo)"
        p="$(dirname "$p")"
      done
      fd_die "user $FD_INFRA_USER cannot write $FD_PG_DIR"
    fi
  fi
}

# Separator in an appended log, so the tail shown on failure is easy to read.
fd_log_marker() { printf '\n===== %s infra/local: starting =====\n' "$(date '+%F %T')" >>"$1"; }

# Infra-owned log file (daemons like pg_ctl open it themselves, as the infra user).
fd_infra_logfile() {
  local f=$1
  touch "$f"
  [[ $(id -u) -eq 0 ]] && chown "$FD_INFRA_USER" "$f"
  return 0
}

# ---------------------------------------------------------------- processes
# fd_pid_alive <pidfile> [cmdline-substring]: true if the pid runs and (optionally)
# its command line contains the marker (guards against pid reuse after a reboot).
fd_pid_alive() {
  local pidfile=$1 marker=${2:-} pid
  [[ -s $pidfile ]] || return 1
  pid="$(head -n1 "$pidfile" 2>/dev/null | tr -dc 0-9)"
  [[ -n $pid ]] && fd_proc_alive "$pid" || return 1
  [[ -z $marker ]] && return 0
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"
}

# Via /proc rather than kill -0: works for other users' processes (status as non-root) and
# treats zombies as dead (this machine's init reaps orphans lazily).
fd_proc_alive() {
  local st
  st="$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" || return 1
  [[ -n $st && $st != Z && $st != X ]]
}

fd_pid_of() { if [[ -s $1 ]]; then head -n1 "$1" | tr -dc 0-9; fi; }

# fd_spawn <pidfile> <logfile> <as_infra 0|1> <cmd...>: start a daemon in the background.
#  - setsid: own session, so Ctrl-C or a Maven process-group kill does not take it down;
#  - </dev/null >>log: never hold the caller's stdout open (a ProcessBuilder waiting for EOF would hang);
#  - 200>&-: never inherit up.lock, or the lock would be held for the daemon's lifetime;
#  - the inner sh writes its own pid and execs, so the pid file names the real process
#    (runuser forks and stays as parent; its pid would be the wrong one).
fd_spawn() {
  local pidfile=$1 logfile=$2 as_infra=$3
  shift 3
  local -a prefix=()
  [[ $as_infra == 1 && $(id -u) -eq 0 && $FD_INFRA_USER != root ]] && prefix=(runuser -u "$FD_INFRA_USER" --)
  rm -f "$pidfile"
  fd_log_marker "$logfile"
  # shellcheck disable=SC2016
  setsid "${prefix[@]}" sh -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "$@" </dev/null >>"$logfile" 2>&1 200>&- &
  local i
  for i in $(seq 1 50); do
    [[ -s $pidfile ]] && return 0
    sleep 0.1
  done
  fd_fail_with_logs "process did not start (no pid in $pidfile)" "$logfile"
}

# fd_wait <what> <timeout_s> <pidfile|-> <marker> <logfiles(space separated)> <check cmd...>
# Polls the check every second; fails early if the process died, or after the timeout.
fd_wait() {
  local what=$1 timeout=$2 pidfile=$3 marker=$4 logs=$5
  shift 5
  local start=$SECONDS next_note=$((SECONDS + 10))
  # shellcheck disable=SC2086
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= next_note)); then
      fd_log "$what: waiting to be healthy, $((SECONDS - start))s so far (at most ${timeout}s)"
      next_note=$((SECONDS + 10))
    fi
    if [[ $pidfile != - ]] && ! fd_pid_alive "$pidfile" "$marker"; then
      fd_fail_with_logs "$what exited during startup" $logs
    fi
    if ((SECONDS - start >= timeout)); then
      fd_fail_with_logs "$what not healthy after ${timeout}s" $logs
    fi
    sleep 1
  done
}

# fd_stop_pid <name> <pidfile> <marker> [timeout]: SIGTERM, wait, then SIGKILL.
fd_stop_pid() {
  local name=$1 pidfile=$2 marker=$3 timeout=${4:-60} pid i
  if ! fd_pid_alive "$pidfile" "$marker"; then
    rm -f "$pidfile"
    fd_log "$name: not running"
    return 0
  fi
  pid="$(fd_pid_of "$pidfile")"
  fd_log "$name: stopping pid $pid (SIGTERM, up to ${timeout}s)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout * 2; i++)); do
    fd_proc_alive "$pid" || break
    sleep 0.5
  done
  if fd_proc_alive "$pid"; then
    fd_warn "$name: still alive after ${timeout}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
  rm -f "$pidfile"
  fd_log "$name: stopped"
}

# True if something accepts TCP connections on 127.0.0.1:<port> (bash /dev/tcp, no extra tools).
fd_port_open() { (exec 3<>"/dev/tcp/$FD_HOST/$1") 2>/dev/null; }

fd_require_port_free() { # <port> <what> <env var>
  if fd_port_open "$1"; then
    fd_die "port $1 ($2) is already in use by a process not started by infra/local; stop it or set $3"
  fi
}

# ---------------------------------------------------------------- Maven-resolved artifacts
fd_mvn() { # run the standalone artifacts POM with the wrapper
  (cd "$FD_REPO_ROOT" && JAVA_HOME="$FD_JAVA_HOME" ./mvnw -B -q -f "$FD_LOCAL_DIR/pom.xml" "$@" 200>&-)
}

fd_pom_hash() { sha256sum "$FD_LOCAL_DIR/pom.xml" | cut -c1-16; }

# ================================================================ PostgreSQL
fd_pg_env() { # client env for the superuser over TCP
  export PGHOST=$FD_HOST PGPORT=$FD_PG_PORT PGUSER=$FD_PG_SUPERUSER PGPASSWORD=$FD_PG_SUPERPASS PGCONNECT_TIMEOUT=3
}

fd_pg_running() {
  # The data dir is 0700 for the infra user: another (non-root) user running `status` can only
  # see the copy in var/run.
  if [[ ! -x $FD_PG_DATA && -e $FD_PG_DATA ]]; then
    fd_pid_alive "$FD_RUN/postgres.pid" postgres
    return
  fi
  # postmaster.pid's first line is the postmaster pid; mirror it into var/run for uniformity.
  if fd_pid_alive "$FD_PG_DATA/postmaster.pid" postgres; then
    if [[ -w $FD_RUN ]]; then head -n1 "$FD_PG_DATA/postmaster.pid" >"$FD_RUN/postgres.pid"; fi
    return 0
  fi
  if [[ -w $FD_RUN ]]; then rm -f "$FD_RUN/postgres.pid"; fi
  return 1
}

fd_pg_healthy() { "$FD_PG_BIN/pg_isready" -q -h "$FD_HOST" -p "$FD_PG_PORT" -t 2; }

fd_pg_write_config() {
  # Our settings live in fooddelivery.conf, included at the end of postgresql.conf (so they win),
  # regenerated on every start so a changed FD_PG_PORT takes effect.
  fd_as_infra tee "$FD_PG_DATA/fooddelivery.conf" >/dev/null <<EOF
# Generated by infra/local/up -- edits are overwritten on the next start.
listen_addresses = '$FD_HOST'
port = $FD_PG_PORT
unix_socket_directories = '$FD_PG_SOCKET_DIR'
max_connections = 300
# Debezium (pgoutput) needs logical decoding; one slot per connector/test.
wal_level = logical
max_replication_slots = 32
max_wal_senders = 32
# A forgotten replication slot must not fill the disk.
max_slot_wal_keep_size = 2GB
password_encryption = scram-sha-256
log_line_prefix = '%m [%p] %q%u@%d '
EOF
  grep -q "^include_if_exists = 'fooddelivery.conf'" "$FD_PG_DATA/postgresql.conf" ||
    echo "include_if_exists = 'fooddelivery.conf'" | fd_as_infra tee -a "$FD_PG_DATA/postgresql.conf" >/dev/null
  # Password auth everywhere; TCP only from loopback; replication connections allowed (Debezium).
  fd_as_infra tee "$FD_PG_DATA/pg_hba.conf" >/dev/null <<'EOF'
# Generated by infra/local/up -- edits are overwritten on the next start.
# TYPE  DATABASE     USER  ADDRESS        METHOD
local   all          all                  scram-sha-256
local   replication  all                  scram-sha-256
host    all          all   127.0.0.1/32   scram-sha-256
host    all          all   ::1/128        scram-sha-256
host    replication  all   127.0.0.1/32   scram-sha-256
host    replication  all   ::1/128        scram-sha-256
EOF
}

fd_pg_init() {
  if [[ -f $FD_PG_DATA/PG_VERSION ]]; then
    local have
    have="$(cat "$FD_PG_DATA/PG_VERSION")"
    [[ $have == "$FD_PG_VERSION" ]] ||
      fd_die "$FD_PG_DATA was created by PostgreSQL $have but the binaries are $FD_PG_VERSION; run infra/local/down --purge"
    return 0
  fi
  fd_log "postgres: initdb (PostgreSQL $FD_PG_VERSION) into $FD_PG_DATA"
  local pwfile="$FD_PG_DIR/.pwfile"
  rm -rf "$FD_PG_DATA"
  printf '%s\n' "$FD_PG_SUPERPASS" | fd_as_infra tee "$pwfile" >/dev/null
  # --no-locale: C collation, identical everywhere, no dependency on generated locales.
  (cd "$FD_PG_DIR" && fd_as_infra "$FD_PG_BIN/initdb" -D "$FD_PG_DATA" -U "$FD_PG_SUPERUSER" --pwfile="$pwfile" \
    --auth=scram-sha-256 --encoding=UTF8 --no-locale --no-instructions >>"$FD_LOGS/postgres.log" 2>&1) ||
    { rm -f "$pwfile"; fd_fail_with_logs "initdb failed" "$FD_LOGS/postgres.log"; }
  rm -f "$pwfile"
}

fd_pg_ensure_app_db() {
  fd_pg_env
  local db
  "$FD_PG_BIN/psql" -v ON_ERROR_STOP=1 -qAt -d postgres >/dev/null <<EOF
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$FD_APP_DB_USER') THEN
    CREATE ROLE $FD_APP_DB_USER LOGIN CREATEDB REPLICATION PASSWORD '$FD_APP_DB_PASS';
  END IF;
END
\$\$;
EOF
  for db in "${FD_APP_DBS[@]}"; do
    if [[ -z $("$FD_PG_BIN/psql" -qAt -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'") ]]; then
      "$FD_PG_BIN/psql" -v ON_ERROR_STOP=1 -q -d postgres -c "CREATE DATABASE $db OWNER $FD_APP_DB_USER" >/dev/null
      fd_log "postgres: created database $db (owner $FD_APP_DB_USER)"
    fi
  done
}

fd_pg_up() {
  local t0=$SECONDS
  if fd_pg_running; then
    # postmaster.pid line 4 is the port: a changed FD_PG_PORT would otherwise just time out.
    local running_port
    running_port="$(sed -n 4p "$FD_PG_DATA/postmaster.pid" 2>/dev/null || true)"
    [[ -z $running_port || $running_port == "$FD_PG_PORT" ]] ||
      fd_die "postgres is already running on port $running_port, not FD_PG_PORT=$FD_PG_PORT: run infra/local/down first"
    fd_wait "postgres" "$FD_WAIT_TIMEOUT" - - "$FD_LOGS/postgres.log" fd_pg_healthy
    fd_log "postgres: already running (pid $(fd_pid_of "$FD_RUN/postgres.pid")), healthy"
  else
    fd_require_port_free "$FD_PG_PORT" postgres FD_PG_PORT
    fd_infra_logfile "$FD_LOGS/postgres.log"
    fd_pg_init
    fd_pg_write_config
    fd_log_marker "$FD_LOGS/postgres.log"
    fd_log "postgres: starting on $FD_HOST:$FD_PG_PORT"
    # 200>&-: the postmaster must not inherit up.lock (see fd_spawn).
    # shellcheck disable=SC2094 # pg_ctl appends to the log itself, we only add its stderr
    (cd "$FD_PG_DIR" && fd_as_infra "$FD_PG_BIN/pg_ctl" -D "$FD_PG_DATA" -l "$FD_LOGS/postgres.log" \
      -w -t "$FD_WAIT_TIMEOUT" -s start </dev/null >/dev/null 2>>"$FD_LOGS/postgres.log" 200>&-) ||
      fd_fail_with_logs "postgres did not start" "$FD_LOGS/postgres.log"
    fd_wait "postgres" "$FD_WAIT_TIMEOUT" - - "$FD_LOGS/postgres.log" fd_pg_healthy
    fd_pg_running || true
    fd_log "postgres: started (pid $(fd_pid_of "$FD_RUN/postgres.pid")) in $((SECONDS - t0))s"
  fi
  fd_pg_ensure_app_db
}

fd_pg_down() {
  if fd_pg_running; then
    fd_log "postgres: stopping (pg_ctl stop -m fast)"
    (cd "$FD_PG_DIR" && fd_as_infra "$FD_PG_BIN/pg_ctl" -D "$FD_PG_DATA" -m fast -w -t 60 -s stop) ||
      fd_warn "pg_ctl stop failed"
    rm -f "$FD_RUN/postgres.pid"
    fd_log "postgres: stopped"
  else
    fd_log "postgres: not running"
  fi
}

# ================================================================ Kafka (KRaft, jars from Maven Central)
FD_KAFKA_MARKER=kafka.Kafka
fd_kafka_cp() { printf '%s/*' "$FD_KAFKA_LIBS"; }

# Short-lived tool JVMs (format, health check, console clients): small heap, quick startup.
fd_kafka_tool() {
  "$FD_JAVA_HOME/bin/java" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$FD_KAFKA_DIR/tools-log4j2.xml" -cp "$(fd_kafka_cp)" "$@"
}

fd_kafka_fetch() {
  local marker
  marker="$FD_KAFKA_LIBS/.resolved-$(fd_pom_hash)"
  [[ -f $marker ]] && return 0
  fd_log "kafka: resolving broker jars through Maven into $FD_KAFKA_LIBS"
  rm -rf "$FD_KAFKA_LIBS" # drop jars of a previous version
  fd_mvn dependency:copy-dependencies -Dfd.kafka.libs="$FD_KAFKA_LIBS" ||
    fd_die "Maven could not resolve the Kafka jars (see output above)"
  touch "$marker"
}

fd_kafka_write_config() {
  local cfg="$FD_KAFKA_DIR/server.properties"
  cat >"$cfg" <<EOF
# Generated by infra/local/up -- edits are overwritten on the next start.
# Single combined broker+controller node (KRaft, no ZooKeeper).
process.roles=broker,controller
node.id=1
# Static quorum: the voter set comes from this file, so a changed controller port just works.
controller.quorum.voters=1@$FD_HOST:$FD_KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://$FD_HOST:$FD_KAFKA_PORT,CONTROLLER://$FD_HOST:$FD_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$FD_HOST:$FD_KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$FD_KAFKA_DATA
num.partitions=6
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
auto.create.topics.enable=true
# Tests start consumers right away: no 3 s wait before the first rebalance.
group.initial.rebalance.delay.ms=0
log.retention.hours=168
log.segment.bytes=104857600
EOF
  # Broker log: console appender, redirected by fd_spawn to var/logs/kafka.log
  # (also catches JVM errors printed before log4j is initialised).
  cat >"$FD_KAFKA_DIR/log4j2.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="WARN">
  <Appenders>
    <Console name="stdout" target="SYSTEM_OUT">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
    </Console>
  </Appenders>
  <Loggers>
    <Root level="INFO"><AppenderRef ref="stdout"/></Root>
    <Logger name="kafka.request.logger" level="WARN"/>
    <Logger name="state.change.logger" level="WARN"/>
    <Logger name="kafka.log.LogCleaner" level="WARN"/>
    <Logger name="org.apache.kafka.controller" level="INFO"/>
  </Loggers>
</Configuration>
EOF
  cat >"$FD_KAFKA_DIR/tools-log4j2.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="WARN">
  <Appenders>
    <Console name="stderr" target="SYSTEM_ERR"><PatternLayout pattern="[%d] %p %m (%c)%n"/></Console>
  </Appenders>
  <Loggers><Root level="WARN"><AppenderRef ref="stderr"/></Root></Loggers>
</Configuration>
EOF
  # Admin client settings for health checks: fail fast instead of the 60 s default.
  cat >"$FD_KAFKA_DIR/admin.properties" <<'EOF'
request.timeout.ms=5000
default.api.timeout.ms=8000
EOF
}

# Same format as `kafka-storage random-uuid` (16 random bytes, base64url, no padding) without
# paying for an extra JVM start; Kafka rejects ids starting with '-'.
fd_kafka_random_uuid() {
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    [[ $id != -* ]] && break
  done
  printf '%s' "$id"
}

fd_kafka_format() {
  [[ -f $FD_KAFKA_DATA/meta.properties ]] && return 0
  local id
  id="$(fd_kafka_random_uuid)"
  fd_log "kafka: formatting KRaft storage in $FD_KAFKA_DATA (cluster id $id)"
  (cd "$FD_KAFKA_DIR" && fd_as_infra "$FD_JAVA_HOME/bin/java" -Xmx256m \
    -Dlog4j2.configurationFile="$FD_KAFKA_DIR/tools-log4j2.xml" -cp "$(fd_kafka_cp)" \
    kafka.tools.StorageTool format -t "$id" -c "$FD_KAFKA_DIR/server.properties" >>"$FD_LOGS/kafka.log" 2>&1) ||
    fd_fail_with_logs "kafka storage format failed" "$FD_LOGS/kafka.log"
}

fd_kafka_running() { fd_pid_alive "$FD_RUN/kafka.pid" "$FD_KAFKA_MARKER"; }

# Real check: an admin client lists topics through the broker (needs a working controller too).
fd_kafka_healthy() {
  fd_port_open "$FD_KAFKA_PORT" || return 1
  timeout 30 "$FD_JAVA_HOME/bin/java" -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$FD_KAFKA_DIR/tools-log4j2.xml" -cp "$(fd_kafka_cp)" \
    org.apache.kafka.tools.TopicCommand --bootstrap-server "$FD_HOST:$FD_KAFKA_PORT" \
    --command-config "$FD_KAFKA_DIR/admin.properties" --list >/dev/null 2>&1
}

# Start is split from await so that up can boot Kafka and Elasticsearch in parallel.
fd_kafka_start() {
  FD_KAFKA_T0=$SECONDS FD_KAFKA_STARTED=0
  # Check first: fetching may replace the jars, which must never happen under a running broker.
  fd_kafka_running && return 0
  fd_kafka_fetch
  fd_require_port_free "$FD_KAFKA_PORT" kafka FD_KAFKA_PORT
  fd_require_port_free "$FD_KAFKA_CONTROLLER_PORT" "kafka controller" FD_KAFKA_CONTROLLER_PORT
  fd_infra_logfile "$FD_LOGS/kafka.log"
  fd_kafka_write_config
  fd_kafka_format
  fd_log "kafka: starting on $FD_HOST:$FD_KAFKA_PORT (controller $FD_KAFKA_CONTROLLER_PORT)"
  # JDK 24+ warns on every segment unmap (kafka-clients uses sun.misc.Unsafe::invokeCleaner);
  # the flag does not exist before JDK 23, so add it only when it is understood.
  local extra=""
  ((FD_JAVA_MAJOR >= 24)) && extra="--sun-misc-unsafe-memory-access=allow"
  # Same JVM flags as kafka-server-start.sh / kafka-run-class.sh.
  # shellcheck disable=SC2086
  (cd "$FD_KAFKA_DIR" && fd_spawn "$FD_RUN/kafka.pid" "$FD_LOGS/kafka.log" 1 \
    env HOME="$FD_KAFKA_DIR" "$FD_JAVA_HOME/bin/java" $FD_KAFKA_HEAP $extra \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent \
    -Djava.awt.headless=true -Dkafka.logs.dir="$FD_LOGS" \
    -Dlog4j2.configurationFile="$FD_KAFKA_DIR/log4j2.xml" \
    -cp "$(fd_kafka_cp)" kafka.Kafka "$FD_KAFKA_DIR/server.properties")
  FD_KAFKA_STARTED=1
}

fd_kafka_await() {
  fd_wait "kafka" "$FD_WAIT_TIMEOUT" "$FD_RUN/kafka.pid" "$FD_KAFKA_MARKER" "$FD_LOGS/kafka.log" fd_kafka_healthy
  if ((FD_KAFKA_STARTED)); then
    fd_log "kafka: started (pid $(fd_pid_of "$FD_RUN/kafka.pid")) in $((SECONDS - FD_KAFKA_T0))s"
  else
    fd_log "kafka: already running (pid $(fd_pid_of "$FD_RUN/kafka.pid")), healthy"
  fi
}

fd_kafka_down() { fd_stop_pid kafka "$FD_RUN/kafka.pid" "$FD_KAFKA_MARKER" 60; }

# ================================================================ Elasticsearch (integ-test zip from Maven Central)
FD_ES_MARKER=org.elasticsearch
fd_es_fetch() {
  [[ -x $FD_ES_HOME/bin/elasticsearch ]] && return 0
  local zip="$FD_VAR/downloads/elasticsearch-$FD_ES_VERSION.zip"
  if [[ ! -f $zip ]]; then
    fd_log "elasticsearch: resolving org.elasticsearch.distribution.integ-test-zip:elasticsearch:$FD_ES_VERSION:zip through Maven"
    fd_mvn dependency:copy -Dfd.downloads="$FD_VAR/downloads" ||
      fd_die "Maven could not resolve the Elasticsearch distribution (see output above)"
  fi
  fd_log "elasticsearch: unpacking $zip"
  rm -rf "$FD_ES_DIR/dist.tmp"
  mkdir -p "$FD_ES_DIR/dist.tmp"
  unzip -q "$zip" -d "$FD_ES_DIR/dist.tmp"
  mkdir -p "$FD_ES_DIR/dist"
  rm -rf "$FD_ES_HOME"
  mv "$FD_ES_DIR/dist.tmp/elasticsearch-$FD_ES_VERSION" "$FD_ES_HOME" # atomic: a half-unzipped dist is never used
  rm -rf "$FD_ES_DIR/dist.tmp"
  rm -f "$zip" # the unpacked dist is kept (and ~/.m2 still has the zip): no need for a third copy
}

fd_es_write_config() {
  # Own config dir (ES_PATH_CONF): the keystore is created there at first start, so it must be
  # writable by the infra user; the distribution itself stays read-only.
  if [[ ! -f $FD_ES_CONF/jvm.options ]]; then
    mkdir -p "$FD_ES_CONF"
    cp -r "$FD_ES_HOME/config/." "$FD_ES_CONF/"
  fi
  cat >"$FD_ES_CONF/elasticsearch.yml" <<EOF
# Generated by infra/local/up -- edits are overwritten on the next start.
cluster.name: fooddelivery-local
node.name: fd-local-1
discovery.type: single-node
network.host: $FD_HOST
http.port: $FD_ES_PORT
transport.port: $FD_ES_TRANSPORT_PORT
path.data: $FD_ES_DATA
path.logs: $FD_ES_LOGDIR
# Local dev disks are often >90% full: never flip indices read-only because of disk watermarks.
cluster.routing.allocation.disk.threshold_enabled: false
# Plain HTTP, no auth, like the services expect.
xpack.security.enabled: false
EOF
  [[ $(id -u) -eq 0 ]] && chown -R "$FD_INFRA_USER" "$FD_ES_CONF"
  return 0
}

fd_es_running() { fd_pid_alive "$FD_RUN/elasticsearch.pid" "$FD_ES_MARKER"; }

fd_es_healthy() {
  curl -fsS -o /dev/null --max-time 5 "http://$FD_HOST:$FD_ES_PORT/_cluster/health?wait_for_status=yellow&timeout=2s"
}

fd_es_color() {
  curl -fsS --max-time 5 "http://$FD_HOST:$FD_ES_PORT/_cluster/health" 2>/dev/null |
    sed -n 's/.*"status":"\([a-z]*\)".*/\1/p'
}

fd_es_start() {
  FD_ES_T0=$SECONDS FD_ES_STARTED=0
  fd_es_running && return 0
  fd_es_fetch
  fd_require_port_free "$FD_ES_PORT" "elasticsearch http" FD_ES_PORT
  fd_require_port_free "$FD_ES_TRANSPORT_PORT" "elasticsearch transport" FD_ES_TRANSPORT_PORT
  fd_infra_logfile "$FD_LOGS/elasticsearch.log"
  fd_es_write_config
  fd_log "elasticsearch: starting on $FD_HOST:$FD_ES_PORT (transport $FD_ES_TRANSPORT_PORT)"
  # Foreground mode (not -d) so the console log lands in var/logs/elasticsearch.log; -p writes the
  # *server* JVM pid (the CLI launcher JVM stays as its parent and exits with it).
  # cwd = the ES log dir, because jvm.options writes gc.log relative to the working directory.
  rm -f "$FD_RUN/elasticsearch.pid"
  (cd "$FD_ES_LOGDIR" && fd_spawn "$FD_RUN/elasticsearch-launcher.pid" "$FD_LOGS/elasticsearch.log" 1 \
    env HOME="$FD_ES_DIR" ES_JAVA_HOME="$FD_JAVA_HOME" ES_PATH_CONF="$FD_ES_CONF" ES_TMPDIR="$FD_ES_DIR/tmp" \
    ES_JAVA_OPTS="$FD_ES_HEAP" "$FD_ES_HOME/bin/elasticsearch" -p "$FD_RUN/elasticsearch.pid")
  FD_ES_STARTED=1
}

fd_es_await() {
  if ((FD_ES_STARTED)); then
    # While starting, watch the launcher (the server pid file appears only later).
    fd_wait "elasticsearch" "$FD_WAIT_TIMEOUT" "$FD_RUN/elasticsearch-launcher.pid" "" "$FD_LOGS/elasticsearch.log" fd_es_healthy
    fd_log "elasticsearch: started (pid $(fd_pid_of "$FD_RUN/elasticsearch.pid")) in $((SECONDS - FD_ES_T0))s, $(fd_es_color)"
  else
    fd_wait "elasticsearch" "$FD_WAIT_TIMEOUT" "$FD_RUN/elasticsearch.pid" "$FD_ES_MARKER" "$FD_LOGS/elasticsearch.log" fd_es_healthy
    fd_log "elasticsearch: already running (pid $(fd_pid_of "$FD_RUN/elasticsearch.pid")), $(fd_es_color)"
  fi
}

fd_es_down() {
  fd_stop_pid elasticsearch "$FD_RUN/elasticsearch.pid" "$FD_ES_MARKER" 60
  # The launcher exits when its server does; clean up if it lingers.
  if fd_pid_alive "$FD_RUN/elasticsearch-launcher.pid"; then
    fd_stop_pid "elasticsearch launcher" "$FD_RUN/elasticsearch-launcher.pid" "" 15
  fi
  rm -f "$FD_RUN/elasticsearch-launcher.pid"
}

# ================================================================ services
fd_service_port() {
  case $1 in
    order-service) echo "$FD_ORDER_PORT" ;;
    payment-service) echo "$FD_PAYMENT_PORT" ;;
    delivery-service) echo "$FD_DELIVERY_PORT" ;;
    query-service) echo "$FD_QUERY_PORT" ;;
    *) fd_die "unknown service $1" ;;
  esac
}
fd_service_jar() { echo "$FD_REPO_ROOT/$1/target/$1.jar"; }
fd_service_running() { fd_pid_alive "$FD_RUN/$1.pid" "$1.jar"; }
# Prints UP, or "HTTP <code> ..." for an unhealthy answer, or nothing when nobody answers.
# Actuator answers 200 only for UP (DOWN/OUT_OF_SERVICE give 503); the JSON field order varies
# (groups/components may come first), so the HTTP code is what decides.
fd_service_health() {
  local out code body
  out="$(curl -sS --max-time 5 -w '\n%{http_code}' "http://$FD_HOST:$(fd_service_port "$1")/actuator/health" 2>/dev/null)" ||
    return 0
  code=${out##*$'\n'} body=${out%$'\n'*}
  if [[ $code == 200 && $body == *'"status":"UP"'* ]]; then
    echo UP
  else
    echo "HTTP $code $(printf '%s' "$body" | head -c 120)"
  fi
}
fd_service_healthy() { [[ $(fd_service_health "$1") == UP ]]; }

# The per-client rate limit a service was started with (up --rate-limit): on, off or requests per second.
fd_service_rate_limit() { if [[ -s $FD_RUN/$1.rate-limit ]]; then cat "$FD_RUN/$1.rate-limit"; else echo on; fi; }

# JVM options for a rate-limit setting (web.rate-limit.*, infra/web RateLimitProperties).
fd_rate_limit_opts() {
  case $1 in
    on) ;;
    off) echo "-Dweb.rate-limit.enabled=false" ;;
    *) echo "-Dweb.rate-limit.requests-per-second=$1" ;;
  esac
}

fd_services_up() {
  local svc to_start=() t0=$SECONDS wanted=${FD_RATE_LIMIT:-on}
  for svc in "${FD_SERVICES[@]}"; do
    if fd_service_running "$svc"; then
      if [[ -n ${FD_RATE_LIMIT:-} && $(fd_service_rate_limit "$svc") != "$FD_RATE_LIMIT" ]]; then
        fd_die "$svc runs with --rate-limit $(fd_service_rate_limit "$svc"), not $FD_RATE_LIMIT; stop the services first (infra/local/down --services-only), then up --rate-limit $FD_RATE_LIMIT"
      fi
      fd_log "$svc: already running (pid $(fd_pid_of "$FD_RUN/$svc.pid"), rate limit $(fd_service_rate_limit "$svc"))"
    else
      to_start+=("$svc")
    fi
  done
  ((${#to_start[@]})) || { fd_services_wait "${FD_SERVICES[@]}"; return 0; }

  # Build only the modules we are about to start: re-packaging the jar of a running
  # service underneath it can break its lazy class loading.
  if [[ ${FD_SKIP_BUILD:-0} == 1 ]]; then
    fd_log "services: FD_SKIP_BUILD=1, not building"
  else
    local pl
    pl="$(IFS=,; echo "${to_start[*]}")"
    # No format check here: that is verify's (CI's) job, and on a fresh clone, with no spotless index yet, it formats
    # every file: query-service alone took over 5 min on 2 busy cores.
    fd_log "services: building $pl (./mvnw -B -DskipTests -Dspotless.check.skip -pl $pl -am package; log $FD_LOGS/build.log)"
    fd_build_with_progress -B -ntp -DskipTests -Dspotless.check.skip=true -pl "$pl" -am package
  fi

  for svc in "${to_start[@]}"; do
    local jar port
    jar="$(fd_service_jar "$svc")"
    port="$(fd_service_port "$svc")"
    [[ -f $jar ]] || fd_die "$jar not found (build the project, or unset FD_SKIP_BUILD)"
    local short=${svc%-service}
    fd_require_port_free "$port" "$svc" "FD_${short^^}_PORT"
    fd_log "$svc: starting on $FD_HOST:$port (rate limit $wanted)"
    echo "$wanted" >"$FD_RUN/$svc.rate-limit"
    # shellcheck disable=SC2086
    (cd "$FD_REPO_ROOT" && fd_spawn "$FD_RUN/$svc.pid" "$FD_LOGS/$svc.log" 0 \
      env JAVA_HOME="$FD_JAVA_HOME" SERVER_PORT="$port" SERVER_ADDRESS="$FD_HOST" FD_PG_PORT="$FD_PG_PORT" \
      FD_KAFKA_BOOTSTRAP="$FD_HOST:$FD_KAFKA_PORT" FD_ES_URL="http://$FD_HOST:$FD_ES_PORT" \
      FD_QUERY_URL="http://$FD_HOST:$(fd_service_port query-service)" \
      FD_JWKS_URI="http://$FD_HOST:$FD_ORDER_PORT/.well-known/jwks.json" FD_TOKEN_ISSUER="http://$FD_HOST:$FD_ORDER_PORT" \
      FD_DEMO_ACCOUNTS="${FD_DEMO_ACCOUNTS:-true}" \
      "$FD_JAVA_HOME/bin/java" $FD_SERVICE_JAVA_OPTS $(fd_rate_limit_opts "$wanted") -jar "$jar")
  done
  fd_services_wait "${to_start[@]}"
  fd_log "services: started ${to_start[*]} in $((SECONDS - t0))s"
}

# Runs ./mvnw with the arguments, its whole output in $FD_LOGS/build.log, and says which module it is building
# (Maven's "Building <module> [n/m]"), with the time so far; on failure, the log's tail.
fd_build_with_progress() {
  local log="$FD_LOGS/build.log" start=$SECONDS status=0
  mkdir -p "$FD_LOGS"
  (cd "$FD_REPO_ROOT" && JAVA_HOME="$FD_JAVA_HOME" ./mvnw "$@" 200>&-) >"$log" 2>&1 &
  local build=$!
  local seen=0 modules i
  while true; do
    local running=0
    kill -0 "$build" 2>/dev/null && running=1
    mapfile -t modules < <(sed -n 's/^\[INFO\] Building \([^ ]*\) [^ ]*  *\(\[[0-9]*\/[0-9]*\]\)$/\2 \1/p' "$log")
    for ((i = seen; i < ${#modules[@]}; i++)); do
      fd_log "build: ${modules[i]} (+$((SECONDS - start))s)"
    done
    seen=${#modules[@]}
    ((running)) || break
    sleep 2
  done
  wait "$build" || status=$?
  if ((status != 0)); then
    tail -n 40 "$log" >&2
    fd_die "build failed after $((SECONDS - start))s (whole log: $log)"
  fi
  fd_log "build: done in $((SECONDS - start))s"
}

fd_services_wait() {
  local svc
  for svc in "$@"; do
    fd_wait "$svc" "$FD_SERVICE_WAIT_TIMEOUT" "$FD_RUN/$svc.pid" "$svc.jar" "$FD_LOGS/$svc.log" fd_service_healthy "$svc"
    fd_log "$svc: UP on $FD_HOST:$(fd_service_port "$svc")"
  done
}

fd_services_down() {
  local svc
  for svc in "${FD_SERVICES[@]}"; do
    fd_stop_pid "$svc" "$FD_RUN/$svc.pid" "$svc.jar" 30
    rm -f "$FD_RUN/$svc.rate-limit"
  done
}
