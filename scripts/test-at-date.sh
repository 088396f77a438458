#!/usr/bin/env bash
# Runs a command (default: npm test) with every process's clock moved to another date, through
# libfaketime (Debian's faketime). The clock is shifted by a relative offset, not set with
# "@date": with "@", each process that starts later (PostgreSQL, Next.js, Chromium) would restart
# the fake clock at the same instant and the processes would disagree about "now".
#   scripts/test-at-date.sh 2027-12-20             # npm test at noon UTC on that day
#   scripts/test-at-date.sh '2028-02-29 03:00Z' npx vitest run tests/events
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 DATE [COMMAND…]   (DATE as date(1) reads it, e.g. 2027-12-20 or '2027-12-05 18:30Z')" >&2
  exit 2
fi
command -v faketime >/dev/null || { echo "faketime is missing: apt-get install -y faketime" >&2; exit 2; }
target="$1"
shift
[[ "$target" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] && target="$target 12:00Z"
offset=$(( $(date -d "$target" +%s) - $(date +%s) ))
[ $# -gt 0 ] || set -- npm test
echo "Running '$*' at $(date -u -d "@$(( $(date +%s) + offset ))" '+%Y-%m-%d %H:%M UTC') (clock offset ${offset}s)" >&2
sign=$([ "$offset" -ge 0 ] && echo + || echo)
exec faketime -f "${sign}${offset}s" "$@"
