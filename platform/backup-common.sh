# Shell functions shared by platform/backup.sh and platform/restore.sh (sourced, not run). Expects `python` (the
# interpreter) and, for `es`, `node` (an Elasticsearch node's URL) to be set by the script; LOG_TAG names it in logs.

log() { printf '[%s %(%H:%M:%S)T] %s\n' "${LOG_TAG:-platform}" -1 "$*" >&2; }
die() { echo "$*" >&2; exit 1; }
json() { # json CODE [ARG…]: CODE run on the JSON read from stdin (`data`), the ARGs in sys.argv[1:]
  local code=$1
  shift
  "$python" -c "import json, sys; data = json.load(sys.stdin); $code" "$@"
}
es() { # es METHOD PATH [BODY]: the answer on stdout; an error answer on stderr, and a failure
  local answer
  answer=$(curl -sS --fail-with-body -X "$1" "$node$2" -H 'Content-Type: application/json' ${3:+-d "$3"}) ||
    { echo "Elasticsearch: $1 $2: $answer" >&2; return 1; }
  printf '%s\n' "$answer"
}
folder_of() { # folder_of LOCATION: a file-system repository's folder as the nodes see it (relative: under path.repo)
  es GET "/_nodes/settings?filter_path=nodes.*.settings.path.repo" | json "
import os.path
nodes = list(data.get('nodes', {}).values())
repo = nodes[0]['settings']['path']['repo'] if nodes else ''
print(os.path.join(repo if isinstance(repo, str) else repo[0], sys.argv[1]))" "$1"
}
