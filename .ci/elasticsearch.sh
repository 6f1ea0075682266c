#!/usr/bin/env bash
# Controls the tests' Elasticsearch node (see services.sh). Tests reach it as $ELASTICSEARCH_CONTROL:
#   $ELASTICSEARCH_CONTROL stop      stop the node (idempotent; waits until it has exited and its port is free)
#   $ELASTICSEARCH_CONTROL start     start it (idempotent; waits until the cluster is yellow or green)
#   $ELASTICSEARCH_CONTROL restart   stop, then start
#   $ELASTICSEARCH_CONTROL status    print its state; exit 0 running and healthy, 1 starting/unhealthy, 3 stopped
#   $ELASTICSEARCH_CONTROL reset     stop it and wipe its data directory (start gives an empty node)
#   $ELASTICSEARCH_CONTROL logs      print the end of its log
# Data survives stop/start. The pid file is $CI_STATE_DIR/elasticsearch/elasticsearch.pid.
set -euo pipefail
# shellcheck source=services.sh
source "$(dirname "${BASH_SOURCE[0]}")/services.sh"

case ${1:-} in
  start) es_start ;;
  stop) es_stop ;;
  restart) es_stop && es_start ;;
  status) es_status ;;
  reset) es_stop && rm -rf "${ES_STATE:?}/data" ;;
  logs) es_print_logs 2>&1 ;;
  wait) es_wait ;;
  verify) es_verify ;;
  *)
    sed -n '2,/^set /{/^set /d;s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}"
    exit 2
    ;;
esac
