#!/usr/bin/env bash
# Side-by-side benchmark: this project on Neo4j and embedded, @neo4j/graphql
# on the same Neo4j, and hand-written Cypher (see README.md here).
#
#   tools/peerbench/run.sh [peerbench flags, e.g. -articles 1000 -duration 5s -rounds 2]
#
# Starts its own Neo4j 5.26 (tools/neo4j launcher, NEO4J_JIT=full) on PEERBENCH_NEO4J_PORT
# (default 17718) with its data in tools/peerbench/.neo4j, installs the Node
# server's dependencies (npm ci) and starts it on PEERBENCH_PEER_PORT
# (default 4100), runs the Go driver, and stops what it started.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
port="${PEERBENCH_NEO4J_PORT:-17718}"
peer="${PEERBENCH_PEER_PORT:-4100}"
# NEO4J_JIT=full: the JVM's optimizing compiler and parallel GC, as a
# production server runs, not the test default (C1 only, serial GC).
export NEO4J_STATE="$here/.neo4j" NEO4J_PORT="$port" NEO4J_PASSWORD="${NEO4J_PASSWORD:-newsgraph}" NEO4J_JIT="${NEO4J_JIT:-full}"

(cd "$here/node" && [[ -d node_modules ]] || npm ci --no-audit --no-fund)
"$repo/scripts/neo4j.sh" start
node_pid=""
cleanup() {
    [[ -n "$node_pid" ]] && kill "$node_pid" 2>/dev/null || true
    "$repo/scripts/neo4j.sh" stop || true
}
trap cleanup EXIT
NEO4J_URI="bolt://127.0.0.1:$port" PORT="$peer" node "$here/node/server.mjs" &
node_pid=$!
for _ in $(seq 60); do
    curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' \
        -d '{"query":"{__typename}"}' "http://127.0.0.1:$peer/graphql" && break
    sleep 1
done
cd "$repo"
go run ./tools/peerbench -neo4j-uri "bolt://127.0.0.1:$port" -neo4j-password "$NEO4J_PASSWORD" \
    -peer "http://127.0.0.1:$peer/graphql" -data "$here/.data" \
    -neo4j-pid "$(cat "$NEO4J_STATE/neo4j.pid")" -peer-pid "$node_pid" "$@"
