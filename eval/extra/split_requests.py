#!/usr/bin/env python3
"""Splits requests.jsonl once, seeded, into requests.train.jsonl (2/3) and
requests.holdout.jsonl (1/3), stratified by language and by request / look-alike.

Tune the explicit-request matcher on the train part only (read its misses freely); report the
holdout part as an aggregate, never reading its misses, so it stays an honest measure.

    python3 eval/extra/split_requests.py
"""
import json, os, random
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261130

def main():
    with open(os.path.join(HERE, "requests.jsonl"), encoding="utf-8") as f:
        lines = [l for l in f if l.strip()]
    strata = defaultdict(list)
    for line in lines:
        d = json.loads(line)
        strata[(d["language"], d["category"])].append(line)
    rng = random.Random(SEED)
    train, holdout = [], []
    for key in sorted(strata):
        group = sorted(strata[key], key=lambda l: json.loads(l)["id"])
        rng.shuffle(group)
        cut = round(len(group) / 3)
        holdout += group[:cut]
        train += group[cut:]
    order = {l: i for i, l in enumerate(lines)}
    for name, part in (("requests.train.jsonl", train), ("requests.holdout.jsonl", holdout)):
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            f.writelines(sorted(part, key=order.get))
    print(f"train {len(train)}  holdout {len(holdout)}")

if __name__ == "__main__":
    main()
