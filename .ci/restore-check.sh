#!/usr/bin/env bash
# Backs up a small platform and restores it onto fresh services with platform/backup.sh and platform/restore.sh,
# then checks that the records, the files (byte for byte) and the search index came back.
#
# With ELASTICSEARCH_URL set, the index comes back from a snapshot: backup.sh snapshots the source's indices into a
# file-system repository under the node's path.repo (services.sh starts the node with one) and copies the
# repository to the bucket (SeaweedFS); a second backup must upload none of the first one's data again, only the
# new snapshot's small blobs and the root index blobs, and drop the pruned snapshot's blobs from the bucket. Then, as
# on a fresh machine, the indices are deleted, the repository's folder is wiped and the cluster forgets the
# repository; restore.sh pulls the repository back from the bucket, registers it (read-only) and restores the
# snapshot; the same documents must be found behind the same indices (a rebuild would make new ones). Without it,
# the embedded index is rebuilt from the restored database.
#
# Needs the services .ci/run starts (PostgreSQL, SeaweedFS, Elasticsearch if ELASTICSEARCH_URL is set) and the
# variables it exports; makes its own databases, bucket, index prefix and snapshot repository and removes them at
# the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=services.sh
source .ci/services.sh

[[ -n ${DATABASE_URL:-} && -n ${S3_BUCKET:-} ]] || die "restore-check needs DATABASE_URL and the S3_* variables"
run=$$
server=${DATABASE_URL%/*}
work=$(mktemp -d /tmp/ipp-restore.XXXXXX)
source_db=ipp_restore_src_$run
target_db=ipp_restore_dst_$run
target_bucket=ipp-restore-$run
source_bucket=$S3_BUCKET # S3_BUCKET names the target's bucket once the restore begins
prefix=ipp_restore_$run
export PYTHON=$PWD/.venv/bin/python DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_SECRET_KEY=restore-check \
  DJANGO_ALLOWED_HOSTS=localhost CELERY_TASK_ALWAYS_EAGER=true SEARCH_REFRESH_ON_WRITE=true
unset REDIS_URL

cleanup() {
  set +e
  for db in "$source_db" "$target_db"; do psql "$server/postgres" -X -q -c "DROP DATABASE IF EXISTS $db" 2>/dev/null; done
  for bucket_prefix in "$source_bucket/restore-src-$run" "$target_bucket/"; do
    "$PYTHON" - "$bucket_prefix" <<'PY' 2>/dev/null
import os, sys
import boto3
bucket, _, prefix = sys.argv[1].partition("/")
s3 = boto3.resource("s3", endpoint_url=os.environ["S3_ENDPOINT_URL"], region_name=os.environ.get("S3_REGION"))
s3.Bucket(bucket).objects.filter(Prefix=prefix).delete()
if not prefix:
    s3.Bucket(bucket).delete()
PY
  done
  if [[ -n $node ]]; then
    curl -fsS -m 30 -X DELETE "$node/${prefix}_*" >/dev/null 2>&1
    curl -fsS -m 30 -X DELETE "$node/_snapshot/$ES_SNAPSHOT_REPOSITORY" >/dev/null 2>&1
    [[ -n $repo_dir && -d $repo_dir/$ES_SNAPSHOT_LOCATION ]] && rm -rf "${repo_dir:?}/$ES_SNAPSHOT_LOCATION"
  fi
  rm -rf "$work"
}
node= repo_dir=
if [[ -n ${ELASTICSEARCH_URL:-} ]]; then
  node=${ELASTICSEARCH_URL%%,*}
  repo_dir=$(es_repo_dir "$node")
  [[ -n $repo_dir ]] ||
    die "the Elasticsearch node at $node has no path.repo (started by an older services.sh?): restart it with bash .ci/elasticsearch.sh restart"
  export ES_SNAPSHOT_REPOSITORY=ipp_restore_$run ES_SNAPSHOT_LOCATION=restore-$run
fi
trap cleanup EXIT
export AWS_ACCESS_KEY_ID=$S3_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY=$S3_SECRET_ACCESS_KEY
export SEARCH_INDEX_PREFIX=$prefix

# "name size sha256" of each file of a folder, and of each object under a prefix of a bucket (bucket/prefix), with
# the SHA-256 the object carries
folder_listing() {
  (cd "$1" && find . -type f ! -name 'pending-*' -printf '%P\n' | LC_ALL=C sort |
    while read -r name; do echo "$name $(stat -c %s "$name") $(sha256sum <"$name" | cut -d' ' -f1)"; done)
}
bucket_listing() {
  "$PYTHON" - "$1" <<'PY' | LC_ALL=C sort
import os, sys
import boto3
bucket, _, prefix = sys.argv[1].partition("/")
s3 = boto3.resource("s3", endpoint_url=os.environ["S3_ENDPOINT_URL"], region_name=os.environ.get("S3_REGION"))
for summary in s3.Bucket(bucket).objects.filter(Prefix=prefix + "/"):
    print(summary.key[len(prefix) + 1 :], summary.size, summary.Object().metadata.get("sha256"))
PY
}

# The index as searches see it: which index is behind each alias, and every document's id.
index_view() {
  curl -fsS "$node/_cat/aliases/${prefix}_search_*?h=alias,index&s=alias"
  curl -fsS "$node/${prefix}_search_*/_search?size=10000&_source=false" |
    "$PYTHON" -c 'import json, sys; print(*sorted(hit["_id"] for hit in json.load(sys.stdin)["hits"]["hits"]), sep="\n")'
}

# 1. A platform with a record, a private file and a public image, indexed.
# Its schema is copied from the migrated template `make test` leaves when there is one (the same migrations,
# applied minutes before): migrating again takes about a minute on two cores.
template=$(DJANGO_SETTINGS_MODULE=config.settings.test "$PYTHON" -c '
import django
django.setup()
from tests.database_template import existing_template
print(existing_template() or "")')
if [[ -n $template ]]; then
  log "source: $source_db copied from the migrated template $template (migrate finds nothing left to apply)"
  psql "$server/postgres" -X -q -c "CREATE DATABASE $source_db TEMPLATE \"$template\""
else
  psql "$server/postgres" -X -q -c "CREATE DATABASE $source_db"
fi
(
  export DATABASE_URL=$server/$source_db S3_PREFIX=restore-src-$run
  log "source: migrating $source_db"
  "$PYTHON" manage.py migrate --noinput -v0
  "$PYTHON" manage.py shell --no-imports -c "
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from services.models import QualificationDocument
from services.tests.factories import InstitutionFactory
institution = InstitutionFactory(organisation__name='连云港恢复演练专利代理所')
document = QualificationDocument.attach(
    ContentFile(b'%PDF-1.4 restore check', name='qualification.pdf'), 'application/pdf',
    user=None, title='许可证', institution=institution)
default_storage.save('original_images/restore-check.png', ContentFile(b'\x89PNG restore check'))
print('IDS', institution.pk, document.pk)
" | sed -n 's/^IDS //p' >"$work/ids"
  "$PYTHON" manage.py search_reindex >/dev/null
  if [[ -n $node ]]; then index_view >"$work/index-before"; fi
  log "source: backing up"
  bash platform/backup.sh "$work/backup"
  if [[ -n $node ]]; then
    folder=$repo_dir/$ES_SNAPSHOT_LOCATION copy=$S3_BUCKET/$S3_PREFIX/backups/elasticsearch/$ES_SNAPSHOT_REPOSITORY
    first=$("$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["snapshot"])' <"$work/backup/elasticsearch-snapshot.json")
    folder_listing "$folder" >"$work/folder-1"
    bucket_listing "$copy" >"$work/bucket-1"
    diff "$work/folder-1" "$work/bucket-1" >&2 || die "the bucket's copy of the repository differs from its folder"
    log "source: the repository's $(wc -l <"$work/folder-1") files are in the bucket; pushing again uploads nothing"
    again=$("$PYTHON" manage.py snapshot_repository push "$folder" --prefix "${copy#*/}")
    [[ $again == "pushed 0 blob(s) and 0 root index blob(s) (0 bytes), already in the bucket $(wc -l <"$work/folder-1"),"* ]] ||
      die "a second push of an unchanged repository uploaded something: $again"
    # The next night's backup, keeping one snapshot: the index is unchanged, so its data is all in the bucket
    # already; only the new snapshot's metadata and the root index blobs go up, and the first snapshot's own
    # blobs (and the old root index blob) are deleted from the bucket as from the folder.
    log "source: backing up again (ES_SNAPSHOT_KEEP=1)"
    ES_SNAPSHOT_KEEP=1 bash platform/backup.sh "$work/backup"
    folder_listing "$folder" >"$work/folder-2"
    bucket_listing "$copy" >"$work/bucket-2"
    diff "$work/folder-2" "$work/bucket-2" >&2 || die "after the second backup, the bucket's copy differs from the folder"
    uploaded=$(LC_ALL=C comm -13 "$work/bucket-1" "$work/bucket-2" | cut -d' ' -f1)
    ! grep -E '(^|/)__' <<<"$uploaded" || die "the second backup uploaded segment data again"
    grep -qx 'index.latest' <<<"$uploaded" || die "the second backup did not upload the new index.latest"
    grep -qE '^index-[0-9]+$' <<<"$uploaded" || die "the second backup did not upload the new root index blob"
    gone=$(LC_ALL=C comm -23 "$work/bucket-1" "$work/bucket-2" | cut -d' ' -f1)
    grep -q "snap-" <<<"$gone" || die "the first snapshot's blobs are still in the bucket after it was deleted"
    [[ $("$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["snapshot"])' <"$work/backup/elasticsearch-snapshot.json") != "$first" ]] ||
      die "the second backup recorded the first snapshot"
    log "source: the second push uploaded $(wc -l <<<"$uploaded") blobs, no segment data: the new snapshot's metadata" \
      "and the root index blobs $(grep -E '^index' <<<"$uploaded" | paste -sd' ' -)"
    log "source: and deleted from the bucket $(wc -l <<<"$gone") blobs the folder no longer holds (the snapshot not kept," \
      "the previous root index blob $(grep -E '^index-' <<<"$gone" | paste -sd' ' -))"
  fi
)
if [[ -n $node ]]; then
  grep -q "^institution:$(cut -d' ' -f1 "$work/ids")$" "$work/index-before" || die "the source's index lacks the institution"
  [[ -s $work/backup/elasticsearch-snapshot.json ]] || die "backup.sh recorded no snapshot"
  # A nightly dump ends after its snapshot began: what the outbox applied meanwhile is in the dump, not in the
  # snapshot, and must reach the restored index. Here: the institution renamed, then the dump taken again.
  (
    export DATABASE_URL=$server/$source_db S3_PREFIX=restore-src-$run
    "$PYTHON" manage.py shell --no-imports -c "
from services.models import Institution
organisation = Institution.objects.get(pk=$(cut -d' ' -f1 "$work/ids")).organisation
organisation.name = '连云港恢复演练更名专利代理所'
organisation.save()"
    pg_dump --format=custom --no-owner --no-privileges --file="$work/backup/database.dump" "$DATABASE_URL"
  )
  # As on a fresh machine: the repository's folder gone, the repository unknown to the cluster (restore.sh pulls
  # the folder back from the bucket and registers it again, read-only)
  curl -fsS -X DELETE "$node/_snapshot/$ES_SNAPSHOT_REPOSITORY" >/dev/null
  rm -rf "${repo_dir:?}/$ES_SNAPSHOT_LOCATION"
fi

# 2. Fresh services: a new database, a new bucket, a new index prefix
psql "$server/postgres" -X -q -c "CREATE DATABASE $target_db"
s3_curl -o /dev/null -X PUT "$S3_ENDPOINT_URL/$target_bucket" || die "could not create the bucket $target_bucket"
export DATABASE_URL=$server/$target_db S3_BUCKET=$target_bucket
if [[ -n $node ]]; then
  # restore.sh refuses a cluster that still holds the site's indices, before it changes anything
  if bash platform/restore.sh "$work/backup" 2>"$work/refused"; then die "restore.sh restored over existing indices"; fi
  grep -q "already holds indices" "$work/refused" || { cat "$work/refused" >&2; die "restore.sh failed otherwise"; }
  log "source: deleting its indices"
  curl -fsS -X DELETE "$node/${prefix}_index_*" >/dev/null
  [[ -z $(curl -fsS "$node/_cat/indices/${prefix}_*?h=index") ]] || die "the source's indices are still there"
fi
bash platform/restore.sh "$work/backup"
if [[ -n $node ]]; then
  folder_listing "$repo_dir/$ES_SNAPSHOT_LOCATION" >"$work/folder-restored"
  diff "$work/folder-2" "$work/folder-restored" >&2 || die "the repository pulled from the bucket differs from the one pushed"
  log "the repository's $(wc -l <"$work/folder-restored") files came back from the bucket"
  index_view >"$work/index-after"
  diff "$work/index-before" "$work/index-after" >&2 || die "the restored index differs from the one backed up"
  log "the snapshot brought back $(grep -c : "$work/index-after") documents behind the same indices"
  title=$(curl -fsS "$node/${prefix}_search_institution/_doc/institution:$(cut -d' ' -f1 "$work/ids")" |
    "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["_source"]["title"])')
  [[ $title == 连云港恢复演练更名专利代理所 ]] || die "the restored index lacks the rename made after the snapshot: $title"
fi

# 3. What came back
read -r institution_pk document_pk <"$work/ids"
"$PYTHON" manage.py shell --no-imports -c "
from django.core.files.storage import default_storage
from search import service
from search.query import SearchQuery
from services.models import Institution, QualificationDocument
institution = Institution.objects.get(pk=$institution_pk)
assert institution.organisation.name == ('连云港恢复演练更名专利代理所' if '$node' else '连云港恢复演练专利代理所')
with QualificationDocument.objects.get(pk=$document_pk).file.open('rb') as stored:
    assert stored.read() == b'%PDF-1.4 restore check'
with default_storage.open('original_images/restore-check.png') as image:
    assert image.read() == b'\x89PNG restore check'
hits = [hit.doc.uid for hit in service.search(SearchQuery(text='恢复演练')).hits]
assert f'institution:{institution.pk}' in hits, hits
print('restored: the institution, its private document, the public image and the search index')
"
log "backup and restore: OK"
