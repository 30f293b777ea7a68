"""Words per second of spaCy's small English pipeline on the given files (one process, one thread)."""
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
import spacy  # noqa: E402

rounds = int(os.environ.get("ROUNDS", "3"))
text = "\n\n".join(open(p, encoding="utf-8").read() for p in sys.argv[1:])
nlp = spacy.load("en_core_web_sm", exclude=["ner"])  # tokens, tags, lemmas, parse: what syntax does
words = len(nlp(text))
start = time.perf_counter()
for _ in range(rounds):
    nlp(text)
el = time.perf_counter() - start
print(f"spacy-en_core_web_sm words={words * rounds} seconds={el:.3f} words_per_s={words * rounds / el:.0f}")
