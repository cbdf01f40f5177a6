#!/usr/bin/env bash
# Usage: benchmarks/compare-builds.sh BEFORE AFTER [--pairs N] [load generator arguments]
# Builds the server (Release) at two git revisions, each in a temporary git worktree, then measures the sends
# (benchmarks/run.sh --only send: one group, 100 groups, 20 senders, with their floors) against each build in turn,
# BEFORE, AFTER, BEFORE, AFTER, ... (--pairs, default 3), with this checkout's load generator and floor. It prints per
# build the median CPU µs per send and req/s of each send scenario, and AFTER / BEFORE (docs/performance.md).
# The load generator gets --connections 64 --rounds 1 --events none, then the arguments given here (a later one wins):
#   benchmarks/compare-builds.sh main HEAD
#   benchmarks/compare-builds.sh 02d2c2b HEAD --pairs 5 --seconds 8 --connections 16,64
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ $# -lt 2 ]; then
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
before_rev="$(git rev-parse --verify "$1^{commit}")"
after_rev="$(git rev-parse --verify "$2^{commit}")"
labels=("BEFORE $1 (${before_rev:0:7})" "AFTER $2 (${after_rev:0:7})")
shift 2
pairs=3
load_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --pairs) pairs="$2"; shift 2 ;;
        *) load_args+=("$1"); shift ;;
    esac
done

work="$(mktemp -d "${TMPDIR:-/tmp}/conclave-compare.XXXXXX")"
worktrees=()
cleanup() {
    for tree in "${worktrees[@]}"; do git worktree remove --force "$tree" >/dev/null 2>&1 || true; done
    rm -rf "$work"
}
trap cleanup EXIT

# The server at a revision, built once per distinct commit; prints the path of its Conclave.Api.dll.
build_server() {
    local rev="$1" tree="$work/${1:0:12}"
    if [ ! -d "$tree" ]; then
        git worktree add --detach --quiet "$tree" "$rev"
        worktrees+=("$tree")
        echo "building the server at ${rev:0:7} (Release) in $tree" >&2
        dotnet build "$tree/src/Api" -c Release --nologo -v quiet -clp:ErrorsOnly >&2
    fi
    echo "$tree/src/Api/bin/Release/net10.0/Conclave.Api.dll"
}
# build_server runs in this shell (not a command substitution) so that the worktrees it adds are cleaned up.
build_server "$before_rev" >"$work/before.path"
build_server "$after_rev" >"$work/after.path"
dlls=("$(cat "$work/before.path")" "$(cat "$work/after.path")")
for project in benchmarks/Floor benchmarks/Load; do
    dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly >&2
done

# One line per measured row: build index, scenario, connections, req/s, CPU µs per send.
figures="$work/figures.tsv"
: >"$figures"
for pair in $(seq 1 "$pairs"); do
    for build in 0 1; do
        log="$work/run-$pair-$build.log"
        echo "$(date -u +%H:%M:%S) pair $pair of $pairs: ${labels[$build]}" >&2
        if ! benchmarks/run.sh --no-build --server "${dlls[$build]}" --only send --connections 64 --rounds 1 --events none \
            "${load_args[@]}" >"$log" 2>"$log.err"; then
            echo "  that run reported errors or failed; its output:" >&2
            cat "$log" "$log.err" >&2
        fi
        awk -F'|' -v build="$build" '
            function trim(s) { gsub(/^ +| +$/, "", s); return s }
            trim($2) ~ /^send 1 KiB/ { printf "%s\t%s\t%s\t%s\t%s\n", build, trim($2), trim($3), trim($4), trim($12) }
        ' "$log" >>"$figures"
    done
done

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
each() { paste -sd, - | sed 's/,/, /g'; }
column_of() { awk -F'\t' -v build="$1" -v scenario="$2" -v conns="$3" -v field="$4" '$1 == build && $2 == scenario && $3 == conns { print $field }' "$figures"; }

echo
echo "${labels[0]}: ${dlls[0]}"
echo "${labels[1]}: ${dlls[1]}"
echo "$pairs pair(s), alternated; load generator: --connections 64 --rounds 1 --events none ${load_args[*]}"
echo
echo "| scenario | conns | BEFORE CPU µs/send | AFTER CPU µs/send | AFTER / BEFORE CPU | BEFORE req/s | AFTER req/s | AFTER / BEFORE req/s | BEFORE CPU, each run | AFTER CPU, each run |"
echo "|---|---|---|---|---|---|---|---|---|---|"
cut -f2,3 "$figures" | awk '!seen[$0]++' | while IFS=$'\t' read -r scenario conns; do
    before_cpu="$(column_of 0 "$scenario" "$conns" 5 | median)"
    after_cpu="$(column_of 1 "$scenario" "$conns" 5 | median)"
    before_rate="$(column_of 0 "$scenario" "$conns" 4 | median)"
    after_rate="$(column_of 1 "$scenario" "$conns" 4 | median)"
    awk -v s="$scenario" -v c="$conns" -v bc="$before_cpu" -v ac="$after_cpu" -v br="$before_rate" -v ar="$after_rate" \
        -v be="$(column_of 0 "$scenario" "$conns" 5 | each)" -v ae="$(column_of 1 "$scenario" "$conns" 5 | each)" \
        'function ratio(a, b) { return b + 0 > 0 ? sprintf("%.2f", a / b) : "n/a" }
         BEGIN { printf "| %s | %s | %.0f | %.0f | %s | %.0f | %.0f | %s | %s | %s |\n", s, c, bc, ac, ratio(ac, bc), br, ar, ratio(ar, br), be, ae }'
done
