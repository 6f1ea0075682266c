#!/usr/bin/env bash
# Controls the tests' stripe-mock server (see services.sh): start | stop | status.
set -euo pipefail
# shellcheck source=services.sh
source "$(dirname "${BASH_SOURCE[0]}")/services.sh"
case ${1:-} in
  start) stripe_mock_start ;;
  stop) stripe_mock_stop ;;
  status) if stripe_mock_status; then echo "stripe-mock: running (pid $(stripe_mock_pid))"; else echo "stripe-mock: stopped"; exit 3; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
