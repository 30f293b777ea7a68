#!/usr/bin/env python3
"""Run score.py's score_one on GOLD/EXTRACTION pairs and print the raw result
as JSON, with the P/R/F1 that score.py derives, for the Go parity test.

usage: pyscore.py SCORE_PY_DIR GOLD EXTRACTION [GOLD EXTRACTION ...]
"""
import json
import sys

sys.path.insert(0, sys.argv[1])
import score  # noqa: E402

out = []
args = sys.argv[2:]
for gpath, xpath in zip(args[0::2], args[1::2]):
    gold = json.load(open(gpath, encoding="utf-8"))
    ext = json.load(open(xpath, encoding="utf-8"))
    res = score.score_one(gold, ext)
    res["e_prf"] = score.prf(res["e_tp"], res["e_fp"], res["e_hit"], res["e_core"])
    res["r_prf"] = score.prf(res["r_tp"], res["r_fp"], res["r_hit"], res["r_core"])
    out.append(res)
json.dump(out, sys.stdout)
