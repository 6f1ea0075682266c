#!/usr/bin/env bash
# A two-node Elasticsearch cluster for the replicated-search tests (search/tests/test_replicated_cluster.py),
# from the same distribution as the single CI node (services.sh: ES_HOME), with small heaps, its own ports and
# data. Node 1 is master and data, node 2 data only: stopping node 2 leaves the cluster its master, and the
# replica copies on node 1 answer for the shards node 2 held.
#
#   bash .ci/es-pair.sh start            both nodes (fresh data), waits for the two to form a cluster
#   bash .ci/es-pair.sh stop             both nodes
#   bash .ci/es-pair.sh stop-node 2      one node (waits until it has exited)
#   bash .ci/es-pair.sh start-node 2     one node (waits until it has joined)
#   bash .ci/es-pair.sh env              the exports: ELASTICSEARCH_URL (both nodes), SEARCH_INDEX_REPLICAS=1,
#                                        ELASTICSEARCH_CLUSTER_CONTROL (this script)
# Ports: HTTP ES_PAIR_PORT and the next, transport ES_PAIR_TRANSPORT_PORT and the next. Heap ES_PAIR_HEAP.
set -euo pipefail
# shellcheck source=services.sh
source "$(dirname "${BASH_SOURCE[0]}")/services.sh"

ES_PAIR_PORT=${ES_PAIR_PORT:-9201}
ES_PAIR_TRANSPORT_PORT=${ES_PAIR_TRANSPORT_PORT:-9311}
ES_PAIR_HEAP=${ES_PAIR_HEAP:-256m}
PAIR_STATE=$CI_STATE_DIR/es-pair-$ES_PAIR_PORT
PAIR_CLUSTER=ipplatform-ci-pair-$ES_PAIR_PORT

http_port() { echo $((ES_PAIR_PORT + $1 - 1)); }
transport_port() { echo $((ES_PAIR_TRANSPORT_PORT + $1 - 1)); }
node_url() { echo "http://127.0.0.1:$(http_port "$1")"; }
node_pid() {
  local pid
  pid=$(read_pid "$PAIR_STATE/node$1/es.pid")
  if pid_alive "$pid" && [[ $(pid_cmdline "$pid") == *org.elasticsearch* ]]; then echo "$pid"; fi
}
nodes_in_cluster() {
  curl -fsS -m 5 "$(node_url 1)/_cluster/health" 2>/dev/null | sed -n 's/.*"number_of_nodes":\([0-9]*\).*/\1/p'
}

start_node() {
  local n=$1 java_home run_as=() roles
  [[ -n $(node_pid "$n") ]] && return 0
  es_fetch
  java_home=$(find_java)
  if [[ $EUID -eq 0 ]]; then
    id -u "$ES_USER" >/dev/null 2>&1 ||
      useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$ES_USER"
    run_as=(runuser -u "$ES_USER" --)
  fi
  mkdir -p "$PAIR_STATE/node$n"/{data,logs,tmp}
  [[ $EUID -eq 0 ]] && chown -R "$ES_USER": "$PAIR_STATE" && chmod o+x "$CI_STATE_DIR" 2>/dev/null || true
  if ((n == 1)); then roles=master,data; else roles=data; fi
  log "starting Elasticsearch pair node $n on 127.0.0.1:$(http_port "$n") (heap $ES_PAIR_HEAP, roles $roles)"
  (
    cd "$PAIR_STATE/node$n/logs"
    "${run_as[@]}" env -i PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 HOME="$PAIR_STATE/node$n" \
      ES_JAVA_HOME="$java_home" ES_TMPDIR="$PAIR_STATE/node$n/tmp" ES_JAVA_OPTS="-Xms$ES_PAIR_HEAP -Xmx$ES_PAIR_HEAP" \
      "$ES_HOME/bin/elasticsearch" -d -p "$PAIR_STATE/node$n/es.pid" \
      -E cluster.name="$PAIR_CLUSTER" -E node.name="pair-node$n" -E node.roles="$roles" \
      -E discovery.seed_hosts="127.0.0.1:$(transport_port 1),127.0.0.1:$(transport_port 2)" \
      -E cluster.initial_master_nodes=pair-node1 -E xpack.security.enabled=false \
      -E network.host=127.0.0.1 -E http.port="$(http_port "$n")" -E transport.port="$(transport_port "$n")" \
      -E path.data="$PAIR_STATE/node$n/data" -E path.logs="$PAIR_STATE/node$n/logs" \
      -E cluster.routing.allocation.disk.threshold_enabled=false -E action.destructive_requires_name=false
  ) >"$PAIR_STATE/node$n/start.out" 2>&1 </dev/null || {
    tail -n 40 "$PAIR_STATE/node$n/start.out" "$PAIR_STATE/node$n/logs/$PAIR_CLUSTER.log" >&2 2>/dev/null || true
    die "Elasticsearch pair node $n did not start"
  }
}

wait_nodes() { # wait_nodes COUNT
  wait_until "$ES_START_TIMEOUT" "$1 node(s) in the pair's cluster" bash -c "[[ \$(curl -fsS -m 5 '$(node_url 1)/_cluster/health' 2>/dev/null | sed -n 's/.*\"number_of_nodes\":\([0-9]*\).*/\1/p') == $1 ]]" ||
    die "the pair's cluster did not reach $1 node(s)"
}

stop_node() {
  local pid
  pid=$(node_pid "$1")
  [[ -n $pid ]] && stop_pid "$pid" "Elasticsearch pair node $1" 60
  rm -f "$PAIR_STATE/node$1/es.pid"
}

case ${1:-} in
  start)
    stop_node 2; stop_node 1
    rm -rf "${PAIR_STATE:?}"
    start_node 1 && start_node 2 && wait_nodes 2
    log "Elasticsearch pair: $(node_url 1), $(node_url 2) ($(nodes_in_cluster) nodes)"
    ;;
  stop) stop_node 2; stop_node 1 ;;
  stop-node) stop_node "${2:?node number}" ;;
  start-node) start_node "${2:?node number}" && wait_nodes 2 ;;
  env)
    printf 'export ELASTICSEARCH_URL=%q\n' "$(node_url 1),$(node_url 2)"
    printf 'export SEARCH_INDEX_REPLICAS=1\n'
    # Creating an index waits for both nodes to agree: allow for a busy CI machine.
    printf 'export SEARCH_REQUEST_TIMEOUT=60\n'
    printf 'export ELASTICSEARCH_CLUSTER_CONTROL=%q\n' "bash $(printf '%q' "$CI_DIR/es-pair.sh")"
    ;;
  *)
    sed -n '2,/^set /{/^set /d;s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}"
    exit 2
    ;;
esac
