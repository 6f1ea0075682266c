#!/usr/bin/env bash
# Brings a backup made by platform/backup.sh back onto fresh services: the database, the files and the index.
#
#   platform/restore.sh BACKUP_DIR
#
# The target is named by the platform's own variables, as the restored platform will run with them:
#   DATABASE_URL     an empty database (created beforehand; the dump brings schema and rows)
#   S3_BUCKET, S3_ENDPOINT_URL, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION   an empty bucket
#   ELASTICSEARCH_URL (optional)   the node(s); without it the embedded index (in the database) is rebuilt
#   SEARCH_INDEX_PREFIX            the source's: a snapshot brings the indices back under their own names
# and, for the search index:
#   ES_SNAPSHOT              the snapshot to restore (default: the one BACKUP_DIR/elasticsearch-snapshot.json names;
#                            `none`: rebuild the index from the database instead, as without a snapshot; another
#                            snapshot only if it began less than a day before the dump: the outbox keeps a day)
#   ES_SNAPSHOT_REPOSITORY   its repository on the target cluster (default: the name backup.sh used)
#   ES_SNAPSHOT_LOCATION     register that repository, read-only, as a file-system repository at this path when
#                            the target cluster does not know it yet (default: the location backup.sh recorded)
#   ES_SNAPSHOT_BUCKET, ES_SNAPSHOT_BUCKET_PREFIX   where the repository's copy is (default: where backup.sh put
#                            it, as recorded; same endpoint and keys as S3_*): when the repository on the target
#                            lacks the snapshot (a fresh machine, an empty folder), the copy is pulled into its
#                            folder first (`manage.py snapshot_repository pull`, each blob verified by size and
#                            SHA-256, the root index blobs last; resumable), then the repository registered afresh
# Steps: checks that the target is fresh (an empty database; no indices of SEARCH_INDEX_PREFIX) before touching
# anything; the snapshot repository registered and, if it lacks the snapshot, pulled from the bucket; pg_restore;
# migrate (a dump older than the code gets the newer migrations; one older than the squashed migrations of
# 2026-12 must come from a database migrated to the release before them: docs/operations.md "Upgrade order");
# the files copied into the bucket, each verified by size and SHA-256 (manage.py move_files_to_bucket;
# resumable: run again after an interruption); the search index restored from the snapshot and brought up to the database (the updates the outbox applied after the
# snapshot began are applied again, then any document still differing), or rebuilt from the database
# (manage.py search_reindex) when there is no snapshot; then the health checks.
set -euo pipefail

[[ $# -eq 1 ]] || { echo "usage: $0 BACKUP_DIR" >&2; exit 2; }
backup=$(cd "$1" && pwd)
python=${PYTHON:-python}
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[[ -s $backup/database.dump ]] || { echo "$backup/database.dump is missing" >&2; exit 2; }
[[ -n ${DATABASE_URL:-} ]] || { echo "DATABASE_URL is not set" >&2; exit 2; }
[[ -n ${S3_BUCKET:-} ]] || { echo "S3_BUCKET is not set" >&2; exit 2; }

LOG_TAG=restore
# shellcheck source=backup-common.sh
source platform/backup-common.sh

# --- Is the target fresh, and which way does the index come back? (nothing is changed before this is known)
tables=$(psql "$DATABASE_URL" -X -tAc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
((tables == 0)) || die "the target database is not empty ($tables tables): restore onto a fresh one"

read -r prefix es_url replicas < <("$python" manage.py shell --no-imports -c "
from django.conf import settings
print(settings.SEARCH_INDEX_PREFIX, settings.ELASTICSEARCH_URL or '-', settings.SEARCH_INDEX_REPLICAS)")
snapshot=${ES_SNAPSHOT:-}
repository=${ES_SNAPSHOT_REPOSITORY:-}
copy_bucket= copy_prefix= location=${ES_SNAPSHOT_LOCATION:-}
if [[ -z $snapshot && -s $backup/elasticsearch-snapshot.json ]]; then
  read -r recorded_repository snapshot copy_bucket copy_prefix recorded_location < <(json "
copy = data.get('bucket_copy') or {}
print(data['repository'], data['snapshot'], *(copy.get(key) or '-' for key in ('bucket', 'prefix', 'location')))" \
    <"$backup/elasticsearch-snapshot.json")
  repository=${repository:-$recorded_repository}
  [[ $copy_bucket == - ]] && copy_bucket=
  [[ $copy_prefix == - ]] && copy_prefix=
  [[ $recorded_location == - ]] || location=${location:-$recorded_location}
fi
copy_bucket=${ES_SNAPSHOT_BUCKET:-${copy_bucket:-$S3_BUCKET}}
copy_prefix=${ES_SNAPSHOT_BUCKET_PREFIX:-$copy_prefix}
[[ $snapshot == none ]] && snapshot=
if [[ $es_url == - ]]; then
  snapshot=
elif [[ -n $snapshot ]]; then
  node=${es_url%%,*}
  [[ -n $repository ]] || die "ES_SNAPSHOT is set but not ES_SNAPSHOT_REPOSITORY"
  present=$(es GET "/_cat/indices/${prefix}_index_*,${prefix}_search_*?h=index&expand_wildcards=all" | paste -sd' ' -)
  [[ -z $present ]] ||
    die "the cluster already holds indices of SEARCH_INDEX_PREFIX=$prefix ($present): restore onto a fresh cluster, delete them, or set ES_SNAPSHOT=none to rebuild the index"
  if ! curl -fsS -o /dev/null "$node/_snapshot/$repository" 2>/dev/null; then
    [[ -n $location ]] ||
      die "the cluster at $node has no snapshot repository $repository: set ES_SNAPSHOT_LOCATION to register it (or ES_SNAPSHOT=none to rebuild the index)"
    log "registering the snapshot repository $repository (read-only) at $location"
    es PUT "/_snapshot/$repository" \
      "{\"type\": \"fs\", \"settings\": {\"location\": \"$location\", \"readonly\": true}}" >/dev/null
  fi
  if ! curl -fsS -o /dev/null "$node/_snapshot/$repository/$snapshot" 2>/dev/null; then
    # A fresh machine: the repository's folder is empty (or lacks this snapshot); its copy in the bucket has it.
    [[ -n $copy_prefix ]] ||
      die "the repository $repository has no snapshot $snapshot and the backup names no copy of it in the bucket (set ES_SNAPSHOT_BUCKET_PREFIX, or ES_SNAPSHOT=none to rebuild the index)"
    registered=$(es GET "/_snapshot/$repository")
    read -r type location < <(json "settings = data[sys.argv[1]]; print(settings['type'], settings['settings'].get('location', '-'))" \
      "$repository" <<<"$registered")
    [[ -n $type ]] || die "could not read the registration of the repository $repository"
    [[ $type == fs ]] || die "the repository $repository is of type $type, not a folder the copy can be pulled into"
    folder=$(folder_of "$location")
    log "search index: the repository's folder $folder ← s3://$copy_bucket/$copy_prefix (verified)"
    "$python" manage.py snapshot_repository pull "$folder" --bucket "$copy_bucket" --prefix "$copy_prefix" -v0 >&2
    # The nodes read (and a later backup writes) the folder as their own user, who owns path.repo.
    if ((EUID == 0)); then chown -R --reference="$(dirname "$folder")" "$folder"; fi
    # Registered afresh, read-only, so that the cluster reads the repository as it now is rather than what it
    # knew of the empty folder (a repository registration is only a name: its files are not touched).
    es DELETE "/_snapshot/$repository" >/dev/null
    es PUT "/_snapshot/$repository" \
      "{\"type\": \"fs\", \"settings\": {\"location\": \"$location\", \"readonly\": true}}" >/dev/null
  fi
  read -r started held < <(es GET "/_snapshot/$repository/$snapshot" | json "
snapshot = data['snapshots'][0]
if snapshot['state'] != 'SUCCESS':
    sys.exit(f\"the snapshot $snapshot is {snapshot['state']}\")
print(snapshot['start_time_in_millis'], ','.join(snapshot['indices']) or '-')")
  for index in ${held//,/ }; do
    [[ $index == - || $index == "${prefix}_index_"* ]] ||
      die "the snapshot $snapshot holds $index, not an index of SEARCH_INDEX_PREFIX=$prefix: restore with the source's prefix"
  done
fi

# --- The database and the files
log "database ← $backup/database.dump"
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" "$backup/database.dump"
"$python" manage.py migrate --noinput -v0

log "files ← $backup/files (into the bucket $S3_BUCKET, verified)"
DJANGO_MEDIA_ROOT=$backup/files/media DJANGO_PRIVATE_MEDIA_ROOT=$backup/files/private \
  "$python" manage.py move_files_to_bucket

# --- The search index
if [[ -n $snapshot ]]; then
  log "search index ← snapshot $snapshot of $repository (${held//,/, })"
  es POST "/_snapshot/$repository/$snapshot/_restore?wait_for_completion=true" \
    "{\"include_aliases\": true, \"include_global_state\": false, \"index_settings\": {\"index.number_of_replicas\": $replicas}}" |
    json "
shards = data['snapshot']['shards']
if shards['failed']:
    sys.exit(f'restoring the snapshot failed for {shards[\"failed\"]} of {shards[\"total\"]} shards')"
  log "search index: applying what changed after the snapshot began"
  # The dump was taken after the snapshot began: the outbox rows it holds as applied since then (kept a day) are
  # the updates the snapshot may lack. Anything still differing (a posting that lapsed since, say) is put right
  # document by document; the same functions the outbox uses, so each document is what a rebuild would write.
  "$python" manage.py shell --no-imports -c "
from collections import defaultdict
from datetime import UTC, datetime, timedelta

from search.backends import get_search_backend
from search.indexing import status
from search.models import OutboxEntry
from search.outbox import apply, drain

# A margin for the clocks of the database and Elasticsearch hosts.
since = datetime.fromtimestamp($started / 1000, tz=UTC) - timedelta(minutes=5)
index = get_search_backend()
changed = defaultdict(set)
for doc_type, object_id in OutboxEntry.objects.filter(processed_at__gte=since).values_list('doc_type', 'object_id'):
    changed[doc_type].add(object_id)
for doc_type, object_ids in changed.items():
    apply(doc_type, object_ids, backends=[index])
drain()
repaired = 0
for entry in status():
    differing = set(entry.missing[index.name]) | set(entry.stale[index.name])
    if differing:
        apply(entry.name, differing, backends=[index])
        repaired += len(differing)
index.refresh()
print(f'{sum(map(len, changed.values()))} updates applied again, {repaired} differing documents put right')
drift = [entry.name for entry in status() if entry.drift]
raise SystemExit(f'the index still differs from the database for: {drift}' if drift else 0)
"
  "$python" manage.py search_status
else
  if [[ $es_url != - ]]; then
    log "search index ← rebuilt from the restored database (no snapshot: ES_SNAPSHOT=none, or none was taken)"
  else
    log "search index ← rebuilt from the restored database"
  fi
  "$python" manage.py search_reindex
fi

log "checks"
"$python" manage.py shell --no-imports -c "from core.health import health_report; import json; r = health_report(); print(json.dumps(r, ensure_ascii=False)); raise SystemExit(0 if r['status'] == 'ok' else 1)"
log "restored from $backup"
