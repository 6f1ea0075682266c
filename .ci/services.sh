#!/usr/bin/env bash
# Local services for the tests: PostgreSQL, Redis, Elasticsearch (8.19 integ-test distribution from
# Maven Central, run as an unprivileged user), Stripe's stripe-mock (built with `go install`) and SeaweedFS
# (S3-compatible object store, built from the Go module proxy; signed requests only).
#
#   bash .ci/services.sh install            Debian packages + ES distribution + stripe-mock binary
#   bash .ci/services.sh start [SERVICE…]   start (or reuse) services; SERVICE: postgres redis elasticsearch stripe-mock seaweedfs
#   bash .ci/services.sh stop  [SERVICE…]   stop them (idempotent)
#   bash .ci/services.sh status [SERVICE…]  exit 0 when all the named services answer
#   bash .ci/services.sh verify             smoke-test every service (and Chromium)
#   bash .ci/services.sh env                print the `export` lines the tests need
#
# Every step is idempotent: installed packages, an unpacked ES, a running cluster or an existing role are
# reused; a port held by an earlier run of these scripts is adopted (or freed when it is an older version).
# Caches: ~/.m2 (ES zip), the Go module cache (stripe-mock), $CI_CACHE_DIR (unpacked ES, binaries).
# Can be sourced (functions only) or executed.

CI_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Go and Maven keep their caches under $HOME; CI may start with a bare environment.
[[ -n ${HOME:-} ]] || HOME=$(getent passwd "$(id -u)" | cut -d: -f6)
export HOME
case :$PATH: in *:/usr/local/go/bin:*) ;; *) PATH=$PATH:/usr/local/go/bin ;; esac

# --- pinned versions and settings -------------------------------------------------------------------------
ES_VERSION=${ES_VERSION:-8.19.21}            # newest 8.19.x of org.elasticsearch.distribution.integ-test-zip
STRIPE_MOCK_VERSION=${STRIPE_MOCK_VERSION:-v0.197.0}
ES_PORT=${ES_PORT:-9200}
ES_TRANSPORT_PORT=${ES_TRANSPORT_PORT:-9300}
ES_HEAP=${ES_HEAP:-512m}
ES_USER=${ES_USER:-esrun}
ES_START_TIMEOUT=${ES_START_TIMEOUT:-180}
REDIS_PORT=${REDIS_PORT:-6379}
STRIPE_MOCK_HTTP_PORT=${STRIPE_MOCK_HTTP_PORT:-12111}
STRIPE_MOCK_HTTPS_PORT=${STRIPE_MOCK_HTTPS_PORT:-12112}
PG_ROLE=${PG_ROLE:-ipplatform}
PG_PASSWORD=${PG_PASSWORD:-ipplatform}
PG_DB=${PG_DB:-ipplatform}
GO_BIN=${GO_BIN:-/usr/local/go/bin/go}
# SeaweedFS, the S3-compatible object store: a pseudo-version the Go module proxy serves (the module has no
# semver tags that `go mod download` accepts for this tree). Its S3 gateway listens on S3_PORT; the master,
# volume and filer take the five ports after it (and their gRPC ports the five after those).
SEAWEEDFS_VERSION=${SEAWEEDFS_VERSION:-v0.0.0-20261109003541-7506e5f91cd6}
S3_PORT=${S3_PORT:-18333}
S3_ACCESS_KEY=${S3_ACCESS_KEY:-ipp-ci-access}
S3_SECRET_KEY=${S3_SECRET_KEY:-ipp-ci-secret-key-0123456789}
S3_BUCKET=${S3_BUCKET:-ipp-ci}
S3_REGION=${S3_REGION:-us-east-1}

if [[ -z ${CI_CACHE_DIR:-} ]]; then
  if [[ $EUID -eq 0 ]]; then CI_CACHE_DIR=/var/cache/ipplatform-ci; else CI_CACHE_DIR=${XDG_CACHE_HOME:-$HOME/.cache}/ipplatform-ci; fi
fi
if [[ -z ${CI_STATE_DIR:-} ]]; then
  if [[ $EUID -eq 0 ]]; then CI_STATE_DIR=/var/lib/ipplatform-ci; else CI_STATE_DIR=${XDG_STATE_HOME:-$HOME/.local/state}/ipplatform-ci; fi
fi

ES_HOME=$CI_CACHE_DIR/elasticsearch-$ES_VERSION
ES_ZIP=$CI_CACHE_DIR/downloads/elasticsearch-$ES_VERSION.zip
ES_STATE=$CI_STATE_DIR/elasticsearch
ES_PIDFILE=$ES_STATE/elasticsearch.pid
ES_URL=http://127.0.0.1:$ES_PORT
ES_CLUSTER_NAME=ipplatform-ci
STRIPE_MOCK_BIN=$CI_CACHE_DIR/bin/stripe-mock-$STRIPE_MOCK_VERSION
STRIPE_MOCK_PIDFILE=$CI_STATE_DIR/stripe-mock/stripe-mock.pid
REDIS_STATE=$CI_STATE_DIR/redis
REDIS_PIDFILE=$REDIS_STATE/redis.pid
SEAWEEDFS_BIN=$CI_CACHE_DIR/bin/weed-$SEAWEEDFS_VERSION
SEAWEEDFS_STATE=${SEAWEEDFS_STATE:-$CI_STATE_DIR/seaweedfs-$S3_PORT}
SEAWEEDFS_PIDFILE=$SEAWEEDFS_STATE/weed.pid

log() { printf '[ci %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

# pid of the process listening on TCP port $1 on any address ("" when none)
port_pid() { ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | sed -n 1p; }
port_busy() { [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]; }
pid_alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }
pid_cmdline() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true; }
read_pid() { if [[ -s $1 ]]; then tr -dc '0-9' <"$1"; fi; }

# wait_until SECONDS DESCRIPTION COMMAND… — polls COMMAND every second
wait_until() {
  local timeout=$1 what=$2 start=$SECONDS
  shift 2
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS - start >= timeout)); then log "timed out after ${timeout}s waiting for $what"; return 1; fi
    sleep 1
  done
}

# stop_pid PID NAME [TIMEOUT] — TERM, wait, then KILL
stop_pid() {
  local pid=$1 name=$2 timeout=${3:-30} i
  pid_alive "$pid" || return 0
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout * 5; i++)); do pid_alive "$pid" || return 0; sleep 0.2; done
  log "$name did not stop in ${timeout}s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do pid_alive "$pid" || return 0; sleep 0.2; done
}

# --- Debian packages -------------------------------------------------------------------------------------------
apt_packages() {
  local pkgs
  pkgs=$(grep -v '^\s*#' "$CI_DIR/apt-packages.txt" | tr -s ' \n' ' ')
  # python3 must be able to make a venv with pip; Debian's python3 needs python3-venv for that.
  if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then pkgs+=" python3-venv"; fi
  # Java 17 (or newer; a JDK, to build .ci/es-root-plugin) for Elasticsearch, and Maven to fetch it.
  if [[ -z $(find_java) ]]; then pkgs+=" openjdk-17-jdk-headless"; fi
  have mvn || pkgs+=" maven"
  echo "$pkgs"
}

install_packages() {
  local pkgs missing=() p
  pkgs=$(apt_packages)
  for p in $pkgs; do
    dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then
    log "Debian packages already installed: $pkgs"
    return 0
  fi
  [[ $EUID -eq 0 ]] || die "missing Debian packages (${missing[*]}); run as root or install them"
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  local try
  for try in 1 2 3; do
    # shellcheck disable=SC2086
    apt-get -o DPkg::Lock::Timeout=600 update -q &&
      apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends $pkgs && return 0
    ((try < 3)) || die "apt-get could not install: $pkgs"
    log "apt-get failed (try $try of 3); trying again in 10s"
    sleep 10
  done
}

# --- PostgreSQL -------------------------------------------------------------------------------------------------
pg_version() {
  local v
  v=$(pg_lsclusters -h 2>/dev/null | awk '$2 == "main" {print $1}' | sort -n | tail -1)
  [[ -n $v ]] || v=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1 || true)
  echo "$v"
}
pg_port() { pg_lsclusters -h 2>/dev/null | awk -v v="$(pg_version)" '$1 == v && $2 == "main" {print $3}'; }
pg_url() { echo "postgres://$PG_ROLE:$PG_PASSWORD@127.0.0.1:$(pg_port)/$PG_DB"; }
pg_psql() { (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$(pg_port)" "$@"); }

postgres_status() {
  local v
  v=$(pg_version)
  [[ -n $v ]] && pg_ctlcluster "$v" main status >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p "$(pg_port)"
}

postgres_start() {
  local v
  v=$(pg_version)
  [[ -n $v ]] || die "PostgreSQL is not installed (bash .ci/services.sh install)"
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1, $2}' | grep -qx "$v main"; then
    log "creating PostgreSQL $v cluster 'main'"
    pg_createcluster "$v" main >/dev/null
  fi
  if pg_ctlcluster "$v" main status >/dev/null 2>&1; then
    log "PostgreSQL $v/main already running on port $(pg_port)"
  else
    log "starting PostgreSQL $v/main on port $(pg_port)"
    pg_ctlcluster "$v" main start || {
      tail -n 50 "/var/log/postgresql/postgresql-$v-main.log" >&2 || true
      die "PostgreSQL did not start"
    }
  fi
  wait_until 60 "PostgreSQL to accept connections" pg_isready -q -h 127.0.0.1 -p "$(pg_port)" || die "PostgreSQL is not ready"
  # The role may create databases: the tests create their own test database.
  pg_psql -d postgres <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
    CREATE ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  ELSE
    ALTER ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  END IF;
END
\$\$;
SQL
  if [[ -z $(pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'") ]]; then
    pg_psql -d postgres -c "CREATE DATABASE $PG_DB OWNER $PG_ROLE" >/dev/null
  fi
  if [[ ${CI:-} == true ]]; then
    # A throwaway CI database: durability costs time and buys nothing.
    pg_psql -d postgres -c "ALTER SYSTEM SET fsync = off" -c "ALTER SYSTEM SET synchronous_commit = off" \
      -c "ALTER SYSTEM SET full_page_writes = off" -c "SELECT pg_reload_conf()" >/dev/null
  fi
  log "PostgreSQL ready: role $PG_ROLE (CREATEDB), database $PG_DB"
}

postgres_stop() {
  local v
  v=$(pg_version)
  [[ -n $v ]] || return 0
  if pg_ctlcluster "$v" main status >/dev/null 2>&1; then
    log "stopping PostgreSQL $v/main"
    pg_ctlcluster "$v" main stop -m fast || true
  fi
}

# --- Redis ------------------------------------------------------------------------------------------------------
redis_ping() { [[ $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; }
redis_status() { redis_ping; }

redis_start() {
  have redis-server || die "redis-server is not installed (bash .ci/services.sh install)"
  if redis_ping; then
    log "Redis already answering on 127.0.0.1:$REDIS_PORT (pid $(port_pid "$REDIS_PORT")); reusing it"
    return 0
  fi
  if port_busy "$REDIS_PORT"; then
    die "port $REDIS_PORT is held by something that is not Redis: $(pid_cmdline "$(port_pid "$REDIS_PORT")")"
  fi
  mkdir -p "$REDIS_STATE"
  rm -f "$REDIS_PIDFILE"
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_STATE" \
    --pidfile "$REDIS_PIDFILE" --logfile "$REDIS_STATE/redis.log" --save '' --appendonly no >/dev/null
  wait_until 30 "Redis to answer PING" redis_ping || {
    tail -n 30 "$REDIS_STATE/redis.log" >&2 || true
    die "Redis did not start"
  }
}

redis_stop() {
  local pid
  pid=$(read_pid "$REDIS_PIDFILE")
  if [[ -z $pid ]] || ! pid_alive "$pid"; then
    # a Redis on our port started by an earlier run of this script whose pid file is gone
    pid=$(port_pid "$REDIS_PORT")
    [[ -n $pid && $(pid_cmdline "$pid") == *redis-server* && $(readlink "/proc/$pid/cwd" 2>/dev/null) == "$REDIS_STATE" ]] || pid=
  fi
  [[ -n $pid ]] && stop_pid "$pid" Redis 20
  rm -f "$REDIS_PIDFILE"
}

# --- Elasticsearch ----------------------------------------------------------------------------------------------
find_java() {
  local j
  for j in ${ES_JAVA_HOME:-} /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/temurin-17* \
    /usr/lib/jvm/java-21-openjdk-* /usr/lib/jvm/temurin-21* /usr/lib/jvm/temurin-25*; do
    [[ -x $j/bin/java ]] && { echo "$j"; return 0; }
  done
}

# Downloads the distribution zip with Maven (Maven Central; ~/.m2 is the cache) into $CI_CACHE_DIR/downloads.
es_download() {
  [[ -s $ES_ZIP || -f $ES_HOME/.ci-ready ]] && return 0
  local java_home tmp out
  java_home=$(find_java)
  [[ -n $java_home ]] || die "no Java 17+ found under /usr/lib/jvm"
  have mvn || die "Maven (mvn) is needed to fetch Elasticsearch from Maven Central"
  mkdir -p "$CI_CACHE_DIR/downloads"
  tmp=$(mktemp -d "$CI_CACHE_DIR/downloads/.mvn.XXXXXX")
  log "fetching org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip with Maven"
  if ! out=$(JAVA_HOME=$java_home mvn -B -q dependency:copy \
    "-Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
    "-DoutputDirectory=$tmp" 2>&1 </dev/null); then
    printf '%s\n' "$out" >&2
    rm -rf "$tmp"
    die "Maven could not fetch Elasticsearch $ES_VERSION"
  fi
  mv "$tmp/elasticsearch-$ES_VERSION.zip" "$ES_ZIP" # whole file or nothing
  rm -rf "$tmp"
}

# Unpacks the distribution into $ES_HOME (once) and adds the ci-rest-root plugin.
es_fetch() {
  if [[ -f $ES_HOME/.ci-ready ]]; then es_build_compat_plugin; return 0; fi
  es_download
  have unzip || die "unzip is not installed (bash .ci/services.sh install)"
  log "unpacking Elasticsearch $ES_VERSION into $ES_HOME"
  local tmp=$CI_CACHE_DIR/.unpack.$$
  rm -rf "$tmp" "$ES_HOME"
  mkdir -p "$tmp"
  if ! unzip -q "$ES_ZIP" -d "$tmp"; then
    rm -rf "$tmp" "$ES_ZIP"
    die "$ES_ZIP is damaged; removed it (the next run downloads it again)"
  fi
  mv "$tmp/elasticsearch-$ES_VERSION" "$ES_HOME"
  rm -rf "$tmp"
  es_build_compat_plugin
  touch "$ES_HOME/.ci-ready"
}

# The integ-test distribution leaves out the modules of the full one, among them `rest-root`, which serves
# `GET /` (the clients' info()) and `HEAD /` (ping()). .ci/es-root-plugin/ is a small plugin, compiled here
# against the distribution's own jars, that serves those two the way rest-root does.
es_build_compat_plugin() {
  local src=$CI_DIR/es-root-plugin java_home build dest
  [[ -d $src ]] || return 0
  java_home=$(find_java)
  [[ -x $java_home/bin/javac ]] || { log "WARNING: no javac in $java_home; GET / stays unavailable"; return 0; }
  local sources sha
  mapfile -t sources < <(find "$src" -name '*.java' | sort)
  dest=$ES_HOME/plugins/ci-rest-root
  sha=$(cat "${sources[@]}" "$src/plugin-descriptor.properties" | sha256sum | cut -c1-64)
  [[ $(cat "$dest/.source-sha256" 2>/dev/null) == "$sha" ]] && return 0 # built from these sources already
  build=$(mktemp -d)
  rm -rf "$dest"
  log "building the ci-rest-root plugin (GET / and HEAD /) for Elasticsearch $ES_VERSION"
  "$java_home/bin/javac" -nowarn -encoding UTF-8 --release 17 -cp "$ES_HOME/lib/*" -d "$build/classes" \
    "${sources[@]}" >"$build/javac.log" 2>&1 || {
    cat "$build/javac.log" >&2
    rm -rf "$build"
    die "could not compile .ci/es-root-plugin against Elasticsearch $ES_VERSION"
  }
  mkdir -p "$dest"
  "$java_home/bin/jar" --create --file "$dest/ci-rest-root.jar" -C "$build/classes" .
  sed -e "s/@ES_VERSION@/$ES_VERSION/g" "$src/plugin-descriptor.properties" >"$dest/plugin-descriptor.properties"
  echo "$sha" >"$dest/.source-sha256"
  rm -rf "$build"
}

es_pid() {
  local pid
  pid=$(read_pid "$ES_PIDFILE")
  if pid_alive "$pid" && [[ $(pid_cmdline "$pid") == *org.elasticsearch* ]]; then echo "$pid"; fi
}

es_health() { curl -fsS -m 10 "$ES_URL/_cluster/health?wait_for_status=yellow&timeout=5s" 2>/dev/null; }
es_healthy() { [[ $(es_health) =~ \"status\":\"(green|yellow)\" ]]; }

# The node's path.repo, where snapshot repositories may be registered: empty for a node started without one.
es_repo_dir() {
  curl -fsS -m 10 "${1:-$ES_URL}/_nodes/settings?filter_path=nodes.*.settings.path.repo" 2>/dev/null |
    sed -n 's/.*"repo":\["\{0,1\}\([^"]*\)".*/\1/p'
}

es_status() {
  local pid
  pid=$(es_pid)
  if [[ -n $pid ]] && es_healthy; then
    echo "elasticsearch: running (pid $pid) at $ES_URL: $(es_health)"
    return 0
  elif [[ -n $pid ]]; then
    echo "elasticsearch: process running (pid $pid) but $ES_URL is not healthy (yet)"
    return 1
  fi
  echo "elasticsearch: stopped"
  return 3
}

es_print_logs() {
  log "---- Elasticsearch launcher output ----"
  tail -n 40 "$ES_STATE/start.out" >&2 2>/dev/null || true
  log "---- Elasticsearch log ($ES_STATE/logs/$ES_CLUSTER_NAME.log) ----"
  tail -n 120 "$ES_STATE/logs/$ES_CLUSTER_NAME.log" >&2 2>/dev/null || true
}

# Frees the HTTP/transport ports when an Elasticsearch that is not ours (an older ES_VERSION, a lost pid file)
# holds them; adopts one of our own version.
es_take_ports() {
  local port pid cmd
  for port in "$ES_PORT" "$ES_TRANSPORT_PORT"; do
    pid=$(port_pid "$port")
    [[ -n $pid ]] || continue
    cmd=$(pid_cmdline "$pid")
    if [[ $cmd == *"-Des.path.home=$ES_HOME "* ]]; then
      log "adopting the Elasticsearch already running from $ES_HOME (pid $pid)"
      mkdir -p "$ES_STATE"
      echo "$pid" >"$ES_PIDFILE"
      return 0
    elif [[ $cmd == *org.elasticsearch* && $cmd == *"-Des.path.home=$CI_CACHE_DIR/"* ]]; then
      stop_pid "$pid" "an earlier Elasticsearch ($cmd)" 60
    else
      die "port $port is held by another process (pid $pid): ${cmd:0:200}"
    fi
  done
}

# es_start [--no-wait] — idempotent; ES_FRESH_DATA=1 wipes the data directory when it has to start the node
es_start() {
  local wait=1
  [[ ${1:-} == --no-wait ]] && wait=0
  es_fetch
  if [[ -z $(es_pid) ]]; then es_take_ports; fi
  if [[ -n $(es_pid) ]]; then
    log "Elasticsearch already running (pid $(es_pid))"
  else
    local java_home run_as=()
    java_home=$(find_java)
    if [[ $EUID -eq 0 ]]; then
      # Elasticsearch refuses to run as root.
      id -u "$ES_USER" >/dev/null 2>&1 ||
        useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$ES_USER"
      run_as=(runuser -u "$ES_USER" --)
    fi
    mkdir -p "$ES_STATE"/{data,logs,tmp,snapshots}
    if [[ ${ES_FRESH_DATA:-0} == 1 ]]; then rm -rf "${ES_STATE:?}/data" && mkdir -p "$ES_STATE/data"; fi
    rm -f "$ES_PIDFILE" "$ES_STATE/start.rc"
    if [[ $EUID -eq 0 ]]; then
      chown -R "$ES_USER": "$ES_HOME" "$ES_STATE"
      # the service account must be able to reach its directories
      chmod o+x "$CI_CACHE_DIR" "$CI_STATE_DIR" 2>/dev/null || true
    fi
    log "starting Elasticsearch $ES_VERSION on 127.0.0.1:$ES_PORT (Java: $java_home, heap $ES_HEAP)"
    # -d: the launcher returns once the node has started (or failed); the node itself detaches.
    (
      rc=0
      cd "$ES_STATE/logs"
      "${run_as[@]}" env -i PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 HOME="$ES_STATE" \
        ES_JAVA_HOME="$java_home" ES_TMPDIR="$ES_STATE/tmp" ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
        "$ES_HOME/bin/elasticsearch" -d -p "$ES_PIDFILE" \
        -E cluster.name="$ES_CLUSTER_NAME" -E node.name=ci-node \
        -E discovery.type=single-node -E xpack.security.enabled=false \
        -E network.host=127.0.0.1 -E http.port="$ES_PORT" -E transport.port="$ES_TRANSPORT_PORT" \
        -E path.data="$ES_STATE/data" -E path.logs="$ES_STATE/logs" -E path.repo="$ES_STATE/snapshots" \
        -E cluster.routing.allocation.disk.threshold_enabled=false \
        -E action.destructive_requires_name=false || rc=$?
      echo "${rc:-0}" >"$ES_STATE/start.rc"
    ) >"$ES_STATE/start.out" 2>&1 </dev/null &
  fi
  if ((wait)); then es_wait; fi
}

es_wait() {
  local start=$SECONDS rc
  until es_healthy; do
    rc=$(cat "$ES_STATE/start.rc" 2>/dev/null || true)
    if [[ -n $rc && $rc != 0 ]]; then
      es_print_logs
      die "Elasticsearch failed to start (launcher exit code $rc)"
    fi
    if [[ -z $(es_pid) && $rc == 0 ]]; then
      es_print_logs
      die "Elasticsearch started and then exited"
    fi
    if ((SECONDS - start >= ES_START_TIMEOUT)); then
      es_print_logs
      die "Elasticsearch was not healthy within ${ES_START_TIMEOUT}s"
    fi
    sleep 1
  done
  log "Elasticsearch healthy at $ES_URL (pid $(es_pid))"
}

es_stop() {
  local pid
  pid=$(es_pid)
  if [[ -z $pid ]]; then
    # lost pid file: an Elasticsearch of ours still on the port
    pid=$(port_pid "$ES_PORT")
    [[ -n $pid && $(pid_cmdline "$pid") == *"-Des.path.home=$CI_CACHE_DIR/"* ]] || pid=
  fi
  if [[ -n $pid ]]; then
    stop_pid "$pid" Elasticsearch 60
  fi
  rm -f "$ES_PIDFILE"
  wait_until 30 "port $ES_PORT to be free" bash -c "! ss -Hltn 'sport = :$ES_PORT' | grep -q ." || true
}

es_verify() {
  local idx=ci-smoke-$$ out
  out=$(curl -fsS -m 30 -X PUT "$ES_URL/$idx" -H 'Content-Type: application/json' -d '{
      "settings": {"number_of_shards": 1, "number_of_replicas": 0,
                   "analysis": {"analyzer": {"text_std": {"type": "standard"}}}},
      "mappings": {"properties": {"title": {"type": "text", "analyzer": "text_std"},
                                  "words": {"type": "text", "analyzer": "whitespace"}}}}') ||
    die "could not create an index with the standard analyzer"
  curl -fsS -m 30 -X PUT "$ES_URL/$idx/_doc/1?refresh=true" -H 'Content-Type: application/json' \
    -d '{"title": "知识产权 Patent", "words": "知识产权 专利"}' >/dev/null || die "could not index a document"
  out=$(curl -fsS -m 30 "$ES_URL/$idx/_search" -H 'Content-Type: application/json' \
    -d '{"query": {"match": {"words": "知识产权"}}}') || die "search failed"
  [[ $out == *'"value":1'* ]] || die "search did not find the document: $out"
  curl -fsS -m 30 -X DELETE "$ES_URL/$idx" >/dev/null || die "could not delete the index"
  out=$(curl -fsS -m 10 "$ES_URL/") || die "GET / failed"
  log "Elasticsearch OK: index with the standard analyzer created, searched and deleted; GET / says version $(
    sed -n 's/.*"number" *: *"\([^"]*\)".*/\1/p' <<<"$out" | sed -n 1p)"
}

# --- stripe-mock ------------------------------------------------------------------------------------------------
stripe_mock_build() {
  [[ -x $STRIPE_MOCK_BIN ]] && return 0
  [[ -x $GO_BIN ]] || GO_BIN=$(command -v go) || die "Go is needed to build stripe-mock"
  local gobin
  gobin=$(mktemp -d)
  log "building github.com/stripe/stripe-mock@$STRIPE_MOCK_VERSION with go install"
  GOBIN=$gobin GOFLAGS=-buildvcs=false "$GO_BIN" install "github.com/stripe/stripe-mock@$STRIPE_MOCK_VERSION" </dev/null ||
    die "go install github.com/stripe/stripe-mock@$STRIPE_MOCK_VERSION failed"
  mkdir -p "$(dirname "$STRIPE_MOCK_BIN")"
  mv "$gobin/stripe-mock" "$STRIPE_MOCK_BIN"
  rm -rf "$gobin"
  ln -sfn "$(basename "$STRIPE_MOCK_BIN")" "$CI_CACHE_DIR/bin/stripe-mock" # unversioned name, for convenience
}

stripe_mock_url() { echo "http://127.0.0.1:$STRIPE_MOCK_HTTP_PORT"; }
stripe_mock_answers() {
  [[ $(curl -fsS -m 5 -H 'Authorization: Bearer sk_test_123' "$(stripe_mock_url)/v1/customers" 2>/dev/null) == *'"object"'* ]]
}
stripe_mock_pid() {
  local pid
  pid=$(read_pid "$STRIPE_MOCK_PIDFILE")
  if pid_alive "$pid" && [[ $(pid_cmdline "$pid") == *stripe-mock* ]]; then echo "$pid"; fi
}
stripe_mock_status() { [[ -n $(stripe_mock_pid) ]] && stripe_mock_answers; }

stripe_mock_start() {
  stripe_mock_build
  local pid port cmd
  pid=$(stripe_mock_pid)
  if [[ -n $pid && $(pid_cmdline "$pid") == "$STRIPE_MOCK_BIN "* ]] && stripe_mock_answers; then
    log "stripe-mock already running (pid $pid)"
    return 0
  fi
  [[ -n $pid ]] && stop_pid "$pid" stripe-mock 10
  for port in "$STRIPE_MOCK_HTTP_PORT" "$STRIPE_MOCK_HTTPS_PORT"; do
    pid=$(port_pid "$port")
    [[ -n $pid ]] || continue
    cmd=$(pid_cmdline "$pid")
    if [[ $cmd == *stripe-mock* ]]; then
      stop_pid "$pid" "an earlier stripe-mock ($cmd)" 10
    else
      die "port $port is held by another process (pid $pid): ${cmd:0:200}"
    fi
  done
  mkdir -p "$(dirname "$STRIPE_MOCK_PIDFILE")"
  log "starting stripe-mock $STRIPE_MOCK_VERSION on 127.0.0.1:$STRIPE_MOCK_HTTP_PORT (https :$STRIPE_MOCK_HTTPS_PORT)"
  setsid "$STRIPE_MOCK_BIN" -http-addr "127.0.0.1:$STRIPE_MOCK_HTTP_PORT" -https-addr "127.0.0.1:$STRIPE_MOCK_HTTPS_PORT" \
    >"$(dirname "$STRIPE_MOCK_PIDFILE")/stripe-mock.log" 2>&1 </dev/null &
  echo $! >"$STRIPE_MOCK_PIDFILE"
  wait_until 60 "stripe-mock to answer" stripe_mock_answers || {
    tail -n 30 "$(dirname "$STRIPE_MOCK_PIDFILE")/stripe-mock.log" >&2 || true
    die "stripe-mock did not start"
  }
}

stripe_mock_stop() {
  local pid
  pid=$(stripe_mock_pid)
  [[ -n $pid ]] && stop_pid "$pid" stripe-mock 10
  rm -f "$STRIPE_MOCK_PIDFILE"
}

# --- SeaweedFS (S3-compatible object store) -------------------------------------------------------------------
# `go install …/weed@version` is refused (the module's go.mod holds a replace directive), so the module is
# downloaded through the proxy and built as the main module. ~4 minutes on 2 cores, once: the binary is cached.
seaweedfs_build() {
  [[ -x $SEAWEEDFS_BIN ]] && return 0
  [[ -x $GO_BIN ]] || GO_BIN=$(command -v go) || die "Go is needed to build SeaweedFS"
  local dir build
  log "building github.com/seaweedfs/seaweedfs/weed@$SEAWEEDFS_VERSION"
  dir=$("$GO_BIN" mod download -json "github.com/seaweedfs/seaweedfs@$SEAWEEDFS_VERSION" </dev/null |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["Dir"])') ||
    die "go mod download github.com/seaweedfs/seaweedfs@$SEAWEEDFS_VERSION failed"
  build=$(mktemp -d)
  cp -r "$dir/." "$build/"
  chmod -R u+w "$build"
  (cd "$build" && GOFLAGS=-buildvcs=false "$GO_BIN" build -o "$build/weed.bin" ./weed </dev/null) || {
    rm -rf "$build"
    die "building SeaweedFS failed"
  }
  mkdir -p "$(dirname "$SEAWEEDFS_BIN")"
  mv "$build/weed.bin" "$SEAWEEDFS_BIN"
  rm -rf "$build"
  ln -sfn "$(basename "$SEAWEEDFS_BIN")" "$CI_CACHE_DIR/bin/weed"
}

s3_url() { echo "http://127.0.0.1:$S3_PORT"; }
# curl signs with AWS Signature V4 itself; an unsigned request is refused (identities are configured). curl
# leaves out the payload's hash, which S3 servers require among the signed headers: it goes unsigned.
s3_curl() {
  curl -fsS -m 30 --aws-sigv4 "aws:amz:$S3_REGION:s3" --user "$S3_ACCESS_KEY:$S3_SECRET_KEY" \
    -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' "$@"
}
seaweedfs_answers() { s3_curl -o /dev/null "$(s3_url)/" 2>/dev/null; }
seaweedfs_pid() {
  local pid
  pid=$(read_pid "$SEAWEEDFS_PIDFILE")
  if pid_alive "$pid" && [[ $(pid_cmdline "$pid") == *weed* ]]; then echo "$pid"; fi
}
seaweedfs_status() { [[ -n $(seaweedfs_pid) ]] && seaweedfs_answers; }

# The S3 gateway's identities: one key pair with every action, so that every request the platform makes is
# signed as in production, and anonymous requests are refused.
seaweedfs_identities() {
  cat <<JSON
{"identities": [{"name": "ipplatform",
  "credentials": [{"accessKey": "$S3_ACCESS_KEY", "secretKey": "$S3_SECRET_KEY"}],
  "actions": ["Admin", "Read", "List", "Tagging", "Write"]}]}
JSON
}

seaweedfs_start() {
  seaweedfs_build
  local pid port cmd
  pid=$(seaweedfs_pid)
  if [[ -n $pid ]] && seaweedfs_answers; then
    log "SeaweedFS already running (pid $pid) at $(s3_url)"
    seaweedfs_bucket
    return 0
  fi
  [[ -n $pid ]] && stop_pid "$pid" SeaweedFS 20
  for port in $(seq "$S3_PORT" $((S3_PORT + 5))) $(seq $((S3_PORT + 6)) $((S3_PORT + 11))); do
    pid=$(port_pid "$port")
    [[ -n $pid ]] || continue
    cmd=$(pid_cmdline "$pid")
    if [[ $cmd == *"-dir=$SEAWEEDFS_STATE/data"* ]]; then
      stop_pid "$pid" "an earlier SeaweedFS" 20
    else
      die "port $port is held by another process (pid $pid): ${cmd:0:200}"
    fi
  done
  mkdir -p "$SEAWEEDFS_STATE/data"
  if [[ ${S3_FRESH_DATA:-0} == 1 ]]; then rm -rf "${SEAWEEDFS_STATE:?}/data" && mkdir -p "$SEAWEEDFS_STATE/data"; fi
  seaweedfs_identities >"$SEAWEEDFS_STATE/s3.json"
  log "starting SeaweedFS on 127.0.0.1 (S3 gateway :$S3_PORT; master, volume, filer on :$((S3_PORT + 1))–:$((S3_PORT + 3)))"
  setsid "$SEAWEEDFS_BIN" server -dir="$SEAWEEDFS_STATE/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 \
    -master.port=$((S3_PORT + 1)) -master.port.grpc=$((S3_PORT + 7)) -master.volumeSizeLimitMB=64 \
    -volume.port=$((S3_PORT + 2)) -volume.port.grpc=$((S3_PORT + 8)) -volume.max=20 \
    -filer.port=$((S3_PORT + 3)) -filer.port.grpc=$((S3_PORT + 9)) \
    -s3 -s3.port="$S3_PORT" -s3.port.grpc=$((S3_PORT + 10)) -s3.config="$SEAWEEDFS_STATE/s3.json" \
    >"$SEAWEEDFS_STATE/weed.log" 2>&1 </dev/null &
  echo $! >"$SEAWEEDFS_PIDFILE"
  wait_until 90 "SeaweedFS's S3 gateway to answer" seaweedfs_answers || {
    tail -n 40 "$SEAWEEDFS_STATE/weed.log" >&2 || true
    die "SeaweedFS did not start"
  }
  seaweedfs_bucket
}

# The tests' bucket; private by default (no bucket policy, no public ACL).
seaweedfs_bucket() {
  s3_curl -o /dev/null "$(s3_url)/$S3_BUCKET" -I 2>/dev/null && return 0
  wait_until 60 "SeaweedFS to create the bucket $S3_BUCKET" s3_curl -o /dev/null -X PUT "$(s3_url)/$S3_BUCKET" ||
    die "could not create the bucket $S3_BUCKET"
}

seaweedfs_stop() {
  local pid
  pid=$(seaweedfs_pid)
  [[ -n $pid ]] && stop_pid "$pid" SeaweedFS 20
  rm -f "$SEAWEEDFS_PIDFILE"
}

seaweedfs_verify() {
  local key=ci-smoke-$$ out code
  s3_curl -o /dev/null -X PUT -H 'Content-Type: text/plain' --data-binary '知识产权' "$(s3_url)/$S3_BUCKET/$key" ||
    die "S3: could not write an object"
  out=$(s3_curl "$(s3_url)/$S3_BUCKET/$key") || die "S3: could not read the object back"
  [[ $out == 知识产权 ]] || die "S3: read back '$out'"
  code=$(curl -s -o /dev/null -w '%{http_code}' -m 10 "$(s3_url)/$S3_BUCKET/$key")
  [[ $code == 403 ]] || die "S3: an unsigned read answered $code, not 403"
  s3_curl -o /dev/null -X DELETE "$(s3_url)/$S3_BUCKET/$key" || die "S3: could not delete the object"
  log "SeaweedFS OK: signed write, read and delete in bucket $S3_BUCKET at $(s3_url); unsigned read refused"
}

# --- all together -----------------------------------------------------------------------------------------------
ALL_SERVICES=(postgres redis elasticsearch stripe-mock seaweedfs)
svc_fn() { # svc_fn SERVICE ACTION -> function name
  case $1 in
    postgres | postgresql | pg) echo "postgres_$2" ;;
    redis) echo "redis_$2" ;;
    elasticsearch | es) echo "es_$2" ;;
    stripe-mock | stripe_mock | stripe) echo "stripe_mock_$2" ;;
    seaweedfs | s3) echo "seaweedfs_$2" ;;
    *) die "unknown service: $1 (one of: ${ALL_SERVICES[*]})" ;;
  esac
}

print_env() {
  local q
  printf 'export DATABASE_URL=%q\n' "$(pg_url)"
  printf 'export REDIS_URL=%q\n' "redis://127.0.0.1:$REDIS_PORT/0"
  printf 'export ELASTICSEARCH_URL=%q\n' "$ES_URL"
  q=$(printf '%q' "$CI_DIR/elasticsearch.sh")
  printf 'export ELASTICSEARCH_CONTROL=%q\n' "bash $q"
  printf 'export STRIPE_API_BASE=%q\n' "$(stripe_mock_url)"
  printf 'export STRIPE_SECRET_KEY=%q\n' sk_test_123
  printf 'export STRIPE_WEBHOOK_SECRET=%q\n' whsec_test_ci
  printf 'export CHROMIUM_PATH=%q\n' /usr/bin/chromium
  printf 'export S3_ENDPOINT_URL=%q\n' "$(s3_url)"
  printf 'export S3_BUCKET=%q\n' "$S3_BUCKET"
  printf 'export S3_REGION=%q\n' "$S3_REGION"
  printf 'export S3_ACCESS_KEY_ID=%q\n' "$S3_ACCESS_KEY"
  printf 'export S3_SECRET_ACCESS_KEY=%q\n' "$S3_SECRET_KEY"
}

verify_all() {
  [[ $(psql "$(pg_url)" -X -tAc 'SELECT 1') == 1 ]] || die "cannot connect to $(pg_url)"
  [[ $(psql "$(pg_url)" -X -tAc "SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user") == t ]] ||
    die "role $PG_ROLE lacks CREATEDB"
  log "PostgreSQL OK: $(psql "$(pg_url)" -X -tAc 'SHOW server_version') at $(pg_url)"
  redis_ping || die "Redis does not answer"
  log "Redis OK: $(redis-cli -p "$REDIS_PORT" info server | grep -o 'redis_version:[^[:space:]]*')"
  es_verify
  seaweedfs_verify
  stripe_mock_answers || die "stripe-mock does not answer"
  log "stripe-mock OK: $STRIPE_MOCK_VERSION at $(stripe_mock_url)"
  if [[ -x /usr/bin/chromium ]]; then
    log "Chromium: $(/usr/bin/chromium --version 2>/dev/null)"
    local zh
    zh=$(fc-list :lang=zh family 2>/dev/null | sort || true)
    [[ -n $zh ]] || die "no Chinese fonts (fonts-noto-cjk) installed"
    log "Chinese fonts: ${zh%%$'\n'*} (and $(($(wc -l <<<"$zh") - 1)) more)"
  fi
}

services_main() {
  local cmd=${1:-help} svc rc=0
  shift || true
  local svcs=("$@")
  ((${#svcs[@]})) || svcs=("${ALL_SERVICES[@]}")
  case $cmd in
    install)
      install_packages
      es_fetch
      stripe_mock_build
      seaweedfs_build
      ;;
    start)
      for svc in "${svcs[@]}"; do
        if [[ $(svc_fn "$svc" start) == es_start && ${#svcs[@]} -gt 1 ]]; then es_start --no-wait; else "$(svc_fn "$svc" start)"; fi
      done
      if [[ " ${svcs[*]} " == *" elasticsearch "* || " ${svcs[*]} " == *" es "* ]]; then es_wait; fi
      ;;
    stop)
      for ((i = ${#svcs[@]} - 1; i >= 0; i--)); do "$(svc_fn "${svcs[i]}" stop)"; done
      ;;
    restart)
      "$0" stop "${svcs[@]}"
      "$0" start "${svcs[@]}"
      ;;
    status)
      for svc in "${svcs[@]}"; do
        if "$(svc_fn "$svc" status)" >/dev/null 2>&1; then echo "$svc: running"; else echo "$svc: stopped"; rc=3; fi
      done
      return $rc
      ;;
    verify) verify_all ;;
    env) print_env ;;
    fetch-elasticsearch) es_download ;;   # used by .ci/run to download in the background
    build-stripe-mock) stripe_mock_build ;; # likewise
    build-seaweedfs) seaweedfs_build ;;     # likewise
    *)
      sed -n '2,/^$/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
      [[ $cmd == help ]] || return 2
      ;;
  esac
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  services_main "$@"
fi
