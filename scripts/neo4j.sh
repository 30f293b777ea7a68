#!/usr/bin/env bash
# Starts, stops and waits for the in-process Neo4j 5.26 Community launcher
# (tools/neo4j) used by the neo4jstore tests and local runs.
#
#   scripts/neo4j.sh start|stop|wait|status|build
#
# Environment:
#   NEO4J_PORT      Bolt port on 127.0.0.1 (default 7687; tests use 17687)
#   NEO4J_PASSWORD  password of user neo4j (default "newsgraph"; 8+ characters)
#   NEO4J_AUTH      "none" disables authentication
#   NEO4J_STATE     directory for pid file and log (default <repo>/.neo4j)
#   NEO4J_DATA      data directory (default $NEO4J_STATE/data)
#   NEO4J_START_TIMEOUT  seconds to wait for "ready" (default 180)
#   NEO4J_HEAP      JVM max heap (default 1g)
#   NEO4J_JIT       "full" runs the JVM with its optimizing compiler and
#                   parallel GC, as a production server runs (benchmarks); the
#                   default starts fast for tests (C1 only, serial GC)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool="$repo/tools/neo4j"
jar="$tool/target/newsgraph-neo4j.jar"
state="${NEO4J_STATE:-$repo/.neo4j}"
# stop/status/wait default to the port the running server was started with.
port="${NEO4J_PORT:-$(cat "$state/neo4j.port" 2>/dev/null || echo 7687)}"
data="${NEO4J_DATA:-$state/data}"
pidfile="$state/neo4j.pid"
log="$state/neo4j.log"
timeout="${NEO4J_START_TIMEOUT:-180}"

die() { echo "neo4j.sh: $*" >&2; exit 1; }

need() { command -v "$1" >/dev/null 2>&1 || die "$1 not found: install a JDK 17+ and Maven (apt-get install openjdk-17-jdk-headless maven)"; }

running() {
    [[ -f "$pidfile" ]] || return 1
    local pid
    pid="$(cat "$pidfile")"
    kill -0 "$pid" 2>/dev/null || return 1
    # A killed server whose parent never reaped it is a zombie, not running.
    [[ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]]
}

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

build() {
    need java
    need mvn
    # Neo4j 5 runs on Java 17 or 21; an older JVM fails late with a class error.
    local v
    v="$(java -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')"
    if [[ "${v%%.*}" =~ ^[0-9]+$ ]] && ((${v%%.*} < 17)); then
        die "java $v found; Neo4j 5 needs Java 17 or newer"
    fi
    # A lock so that two starts at once (even with different NEO4J_STATE) do
    # not run two Maven builds into one target/.
    mkdir -p "$tool/target"
    exec 9>"$tool/target/.build.lock"
    if command -v flock >/dev/null 2>&1; then flock 9; fi
    local newest
    newest="$(find "$tool/pom.xml" "$tool/src" -newer "$jar" -print -quit 2>/dev/null || true)"
    if [[ ! -f "$jar" || ! -d "$tool/target/lib" || -n "$newest" ]]; then
        echo "neo4j.sh: building the launcher (first build downloads Neo4j, ~1-2 min)" >&2
        (cd "$tool" && mvn -q -B package -DskipTests) || die "launcher build failed"
    fi
    exec 9>&-
}

tail_log() {
    echo "---- last lines of $log ----" >&2
    tail -n 40 "$log" >&2 2>/dev/null || true
    # Neo4j writes its own debug log under the data directory.
    if [[ -f "$data/logs/debug.log" ]]; then
        echo "---- last lines of $data/logs/debug.log ----" >&2
        tail -n 20 "$data/logs/debug.log" >&2
    fi
}

wait_ready() {
    local deadline=$((SECONDS + timeout))
    while ((SECONDS < deadline)); do
        if ! running; then
            tail_log
            die "Neo4j exited before it was ready"
        fi
        if grep -q '^neo4j-launcher: ready' "$log" 2>/dev/null && port_open; then
            echo "neo4j.sh: ready on bolt://127.0.0.1:$port (pid $(cat "$pidfile"))"
            return 0
        fi
        sleep 0.5
    done
    tail_log
    die "Neo4j not ready within ${timeout}s"
}

start() {
    if running; then
        echo "neo4j.sh: already running (pid $(cat "$pidfile"))"
        wait_ready
        return
    fi
    if port_open; then
        die "port $port is taken by another process; set NEO4J_PORT"
    fi
    build
    mkdir -p "$state" "$data"
    # Flags Neo4j 5 needs on Java 17 for its off-heap and file channel access.
    local -a jvm=(
        "-Xmx${NEO4J_HEAP:-1g}"
        --add-opens java.base/java.nio=ALL-UNNAMED
        --add-opens java.base/java.io=ALL-UNNAMED
        --add-opens java.base/sun.nio.ch=ALL-UNNAMED
        --add-opens java.base/java.lang=ALL-UNNAMED
        --add-opens java.base/java.util=ALL-UNNAMED
        --add-opens java.base/java.util.concurrent=ALL-UNNAMED
        --add-exports java.base/sun.nio.ch=ALL-UNNAMED
    )
    if [[ "${NEO4J_JIT:-}" != full ]]; then
        jvm+=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1)
    fi
    local -a args=(--port "$port" --data "$data")
    if [[ "${NEO4J_AUTH:-}" == none ]]; then
        args+=(--no-auth)
    else
        args+=(--password "${NEO4J_PASSWORD:-newsgraph}")
    fi
    : >"$log"
    # setsid: the server outlives the shell (and go test) that started it.
    setsid nohup java "${jvm[@]}" -jar "$jar" "${args[@]}" >>"$log" 2>&1 </dev/null &
    echo $! >"$pidfile"
    echo "$port" >"$state/neo4j.port"
    wait_ready
}

stop() {
    if ! running; then
        rm -f "$pidfile"
        echo "neo4j.sh: not running"
        return 0
    fi
    local pid
    pid="$(cat "$pidfile")"
    kill -TERM "$pid"
    for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; echo "neo4j.sh: stopped"; return 0; }
        sleep 0.5
    done
    echo "neo4j.sh: no clean stop in 30s, killing $pid" >&2
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$pidfile"
}

status() {
    if running; then
        echo "running pid $(cat "$pidfile") bolt://127.0.0.1:$port"
    else
        echo "stopped"
        return 1
    fi
}

case "${1:-}" in
start) start ;;
stop) stop ;;
wait) running || die "not running"; wait_ready ;;
status) status ;;
build) build ;;
*) echo "usage: $0 start|stop|wait|status|build" >&2; exit 2 ;;
esac
