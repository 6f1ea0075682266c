#!/usr/bin/env bash
# Backs up the platform: a snapshot of the search indices, the database and the files.
#
#   platform/backup.sh BACKUP_DIR
#
# Reads the platform's own variables (DATABASE_URL, S3_BUCKET, S3_ENDPOINT_URL, S3_ACCESS_KEY_ID, …,
# ELASTICSEARCH_URL, SEARCH_INDEX_PREFIX) and, for the snapshot:
#   ES_SNAPSHOT_REPOSITORY   the snapshot repository's name on the cluster; unset: no snapshot (restore.sh then
#                            rebuilds the index from the database, which takes longer but needs nothing else)
#   ES_SNAPSHOT_LOCATION     register it as a shared file-system repository at this path (absolute, or relative to
#                            the nodes' `path.repo`); unset: it must already be registered (fs, s3, …)
#   ES_SNAPSHOT_KEEP         snapshots of this site kept in the repository, older ones deleted (default 7; 0 keeps all)
#   ES_SNAPSHOT_BUCKET       a file-system repository is copied, once the snapshot is taken, into this bucket
#                            (default S3_BUCKET; same endpoint and keys) ...
#   ES_SNAPSHOT_BUCKET_PREFIX  ... under this folder (default [S3_PREFIX/]backups/elasticsearch/<repository>):
#                            `manage.py snapshot_repository push`, each blob verified by size and SHA-256, only
#                            what the bucket lacks, the root index blobs last, the blobs of deleted snapshots then
#                            deleted from the bucket; `none`: no copy (the repository is then only on this disk).
#                            A repository of another type (s3, registered by hand) is not copied: it is off the
#                            machine already. The folder is read at the path the nodes report (`location` under
#                            path.repo): run this where that path is the repository's folder (compose: the
#                            `backup` service mounts the nodes' snapshot volume at the same /snapshots).
# Writes, in this order:
#   BACKUP_DIR/elasticsearch-snapshot.json   which snapshot of the site's indices (SEARCH_INDEX_PREFIX) was taken,
#                            in which repository, and where in the bucket the repository's copy is
#                            (`bucket_copy`); written once the copy is complete; the snapshot is taken first, so
#                            that the dump lists every index update the outbox applied after the snapshot began,
#                            which restore.sh applies again
#   BACKUP_DIR/database.dump  pg_dump, custom format
#   BACKUP_DIR/files/        media/ and private/: every object of the bucket, verified by size and SHA-256 (run
#                            again, it fetches only what changed)
# Run from the repository (or the image's /app) with `python`, `pg_dump` and `curl` on PATH.
set -euo pipefail

[[ $# -eq 1 ]] || { echo "usage: $0 BACKUP_DIR" >&2; exit 2; }
backup=$1
python=${PYTHON:-python}
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[[ -n ${DATABASE_URL:-} ]] || { echo "DATABASE_URL is not set" >&2; exit 2; }
[[ -n ${S3_BUCKET:-} ]] || { echo "S3_BUCKET is not set: files on the local disk are backed up with the disk" >&2; exit 2; }

LOG_TAG=backup
# shellcheck source=backup-common.sh
source platform/backup-common.sh
mkdir -p "$backup/files"

# The settings as the platform reads them (environment, then .env).
read -r prefix es_url bucket s3_prefix < <("$python" manage.py shell --no-imports -c "
from django.conf import settings
print(settings.SEARCH_INDEX_PREFIX, settings.ELASTICSEARCH_URL or '-', settings.S3_BUCKET, settings.S3_PREFIX or '-')")
rm -f "$backup/elasticsearch-snapshot.json"
if [[ $es_url != - && -n ${ES_SNAPSHOT_REPOSITORY:-} ]]; then
  node=${es_url%%,*}
  repository=$ES_SNAPSHOT_REPOSITORY
  if [[ -n ${ES_SNAPSHOT_LOCATION:-} ]]; then
    es PUT "/_snapshot/$repository" "{\"type\": \"fs\", \"settings\": {\"location\": \"$ES_SNAPSHOT_LOCATION\"}}" >/dev/null
  fi
  snapshot=$prefix-$(date -u +%Y%m%dt%H%M%Sz)
  log "search index → snapshot $snapshot in the repository $repository"
  # The aliases name the indices searched; an index being rebuilt (not yet behind its alias) is left out.
  answer=$(es PUT "/_snapshot/$repository/$snapshot?wait_for_completion=true" \
    "{\"indices\": \"${prefix}_search_*\", \"include_global_state\": false, \"allow_no_indices\": true}")
  json "
snapshot = data['snapshot']
if snapshot['state'] != 'SUCCESS':
    sys.exit(f\"the snapshot ended {snapshot['state']}: {snapshot['failures']}\")
json.dump(snapshot, sys.stdout, indent=1)" <<<"$answer" >"$backup/elasticsearch-snapshot.json.partial"
  keep=${ES_SNAPSHOT_KEEP:-7}
  if ((keep > 0)); then
    old=$(es GET "/_cat/snapshots/$repository?h=id&s=start_epoch" |
      { grep -E "^${prefix}-[0-9]{8}t[0-9]{6}z$" || true; } | head -n "-$keep" | paste -sd, -)
    if [[ -n $old ]]; then
      log "search index: deleting the snapshots beyond the newest $keep: $old"
      es DELETE "/_snapshot/$repository/$old" >/dev/null
    fi
  fi
  # After the deletions, so that the copy drops the deleted snapshots' blobs too.
  copy_bucket=${ES_SNAPSHOT_BUCKET:-$bucket}
  copy_prefix=${ES_SNAPSHOT_BUCKET_PREFIX:-}
  if [[ -z $copy_prefix ]]; then
    copy_prefix=backups/elasticsearch/$repository
    [[ $s3_prefix == - ]] || copy_prefix=$s3_prefix/$copy_prefix
  fi
  registered=$(es GET "/_snapshot/$repository")
  read -r type location < <(json "settings = data[sys.argv[1]]; print(settings['type'], settings['settings'].get('location', '-'))" \
    "$repository" <<<"$registered")
  [[ -n $type ]] || die "could not read the registration of the repository $repository"
  copy=()
  if [[ $copy_prefix == none ]]; then
    log "search index: the repository is not copied to the bucket (ES_SNAPSHOT_BUCKET_PREFIX=none)"
  elif [[ $type != fs ]]; then
    log "search index: the repository $repository is of type $type, not a folder: no copy to the bucket"
  else
    folder=$(folder_of "$location")
    log "search index: the repository's folder $folder → s3://$copy_bucket/$copy_prefix"
    "$python" manage.py snapshot_repository push "$folder" --bucket "$copy_bucket" --prefix "$copy_prefix" -v0 >&2
    copy=("$copy_bucket" "$copy_prefix" "$location")
  fi
  json "
data['bucket_copy'] = dict(zip(('bucket', 'prefix', 'location'), sys.argv[1:])) or None
json.dump(data, sys.stdout, indent=1)" "${copy[@]}" \
    <"$backup/elasticsearch-snapshot.json.partial" >"$backup/elasticsearch-snapshot.json"
  rm "$backup/elasticsearch-snapshot.json.partial"
elif [[ $es_url != - ]]; then
  log "search index: no snapshot (ES_SNAPSHOT_REPOSITORY is not set); restore.sh will rebuild it from the database"
fi

log "database → $backup/database.dump"
pg_dump --format=custom --no-owner --no-privileges --file="$backup/database.dump.partial" "$DATABASE_URL"
mv "$backup/database.dump.partial" "$backup/database.dump"
log "files → $backup/files"
"$python" manage.py copy_files_from_bucket "$backup/files"
date -u +%Y-%m-%dT%H:%M:%SZ >"$backup/completed-at"
log "done: $(du -sh "$backup" | cut -f1) in $backup"
