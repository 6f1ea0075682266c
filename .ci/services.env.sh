# shellcheck shell=bash
# For developers:  source .ci/services.env.sh
# Installs what is missing (Debian packages, Elasticsearch from Maven Central, stripe-mock), starts PostgreSQL,
# Redis, Elasticsearch and stripe-mock (reusing any already running), and exports into this shell the variables
# the tests read: DATABASE_URL, REDIS_URL, ELASTICSEARCH_URL, ELASTICSEARCH_CONTROL, STRIPE_API_BASE,
# STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, CHROMIUM_PATH. Then `make test` runs every test against them.
# Stop the services with:  bash .ci/services.sh stop
__ci_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if bash "$__ci_dir/services.sh" install && bash "$__ci_dir/services.sh" start; then
  eval "$(bash "$__ci_dir/services.sh" env)"
  echo "services running; variables exported. Stop them with: bash $__ci_dir/services.sh stop" >&2
  unset __ci_dir
else
  echo "could not start the services (see above)" >&2
  unset __ci_dir
  return 1 2>/dev/null || exit 1
fi
