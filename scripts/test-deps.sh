#!/usr/bin/env bash
# Installs what the tests need beyond Go: Java 17 and Maven (for the real
# Neo4j in tools/neo4j), headless Chromium (for the GraphiQL and explorer
# page tests) and Python 3 with networkx (export round trips).
# Under CI=true a dependency that cannot be installed fails the run; elsewhere
# the tests that need it skip and say how to run them.
set -euo pipefail

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
python3 -c 'import networkx' >/dev/null 2>&1 || missing+=(python3-networkx)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo=sudo
    else
        msg="test-deps: cannot install ${missing[*]} (not root); install them with apt-get"
        if [ "${CI:-}" = "true" ]; then echo "$msg" >&2; exit 1; fi
        echo "$msg; the tests that need them will skip" >&2
        exit 0
    fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
    msg="test-deps: no apt-get to install ${missing[*]}"
    if [ "${CI:-}" = "true" ]; then echo "$msg" >&2; exit 1; fi
    echo "$msg; the tests that need them will skip" >&2
    exit 0
fi
echo "test-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
