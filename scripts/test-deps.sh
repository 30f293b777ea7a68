#!/usr/bin/env bash
# Installs what the tests need beyond Go: Java 17 and Maven (for the real
# Neo4j in tools/neo4j), headless Chromium (for the GraphiQL and explorer
# page tests) and Python 3 with networkx, pandas and Jupyter's nbclient (export
# round trips, the Python client's example notebook).
# Under CI=true a dependency that cannot be installed fails the run; elsewhere
# the tests that need it skip and say how to run them.
set -euo pipefail

# Python modules for the export round trips and the example notebook
# (clients/python), installed with pip for the python3 the tests run.
pip_modules() {
    command -v python3 >/dev/null 2>&1 || return 0
    local pymods=()
    for m in networkx pandas nbclient nbformat ipykernel setuptools wheel; do
        python3 -c "import $m" >/dev/null 2>&1 || pymods+=("$m")
    done
    [ ${#pymods[@]} -eq 0 ] && return 0
    echo "test-deps: pip installing ${pymods[*]}" >&2
    # A system Python (PEP 668) needs --break-system-packages; try without first.
    if ! python3 -m pip install --quiet "${pymods[@]}" 2>/dev/null &&
       ! python3 -m pip install --quiet --break-system-packages "${pymods[@]}"; then
        msg="test-deps: cannot pip install ${pymods[*]}"
        if [ "${CI:-}" = "true" ]; then echo "$msg" >&2; exit 1; fi
        echo "$msg; the tests that need them will skip" >&2
    fi
}

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v python3 >/dev/null 2>&1 || missing+=(python3 python3-pip)

if [ ${#missing[@]} -eq 0 ]; then pip_modules; exit 0; fi

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
pip_modules
