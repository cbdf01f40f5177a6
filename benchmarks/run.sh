#!/usr/bin/env bash
# Builds the server and the benchmarks (Release), then runs every scenario against the real server and the floor app
# and prints one table (docs/performance.md). The server and the floor are pinned to CPU 0, this load generator to
# CPU 1, when the machine has two CPUs and taskset. Extra arguments go to the load generator, e.g.:
#   benchmarks/run.sh --seconds 10 --warmup 3      longer windows
#   benchmarks/run.sh --smoke                      a few seconds, tiny counts (what CI runs)
#   benchmarks/run.sh --events none                without the event-stream figures
#   benchmarks/run.sh --server <dll>               another build of the server (this checkout's is then not built)
#   benchmarks/run.sh --no-build ...               nothing built (benchmarks/compare-builds.sh builds once, runs many times)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
build=yes
projects=(src/Api benchmarks/Floor benchmarks/EventStreams benchmarks/Load)
args=()
for arg in "$@"; do
    case "$arg" in
        --no-build) build=no ;;
        --server) projects=("${projects[@]:1}"); args+=("$arg") ;;
        *) args+=("$arg") ;;
    esac
done
if [ "$build" = yes ]; then
    for project in "${projects[@]}"; do
        dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly
    done
fi
load=(dotnet benchmarks/Load/bin/Release/net10.0/Conclave.Benchmarks.Load.dll)
if [ "$(nproc)" -gt 1 ] && command -v taskset >/dev/null; then
    exec taskset -c 1 "${load[@]}" --server-cpus 0 "${args[@]}"
fi
exec "${load[@]}" --server-cpus none "${args[@]}"
