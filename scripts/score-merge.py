#!/usr/bin/env python3
"""Scores event merging and expression dating on a synthetic corpus from ../shared/bench.

    python3 ../shared/bench/gen_corpus.py --n 1000 --out /tmp/c/content --seed 42 --truth /tmp/c/truth.jsonl
    chronicle build --site /tmp/c --output /tmp/c/public
    scripts/score-merge.py /tmp/c/truth.jsonl /tmp/c/public/events.json

Each truth line is one story-event expression (article slug, expression text, date, event id).
It is matched to an unused system mention of that article whose expression is the same
text, else contains it or lies inside it (TimeML spans leave out "on", "in"). B-cubed precision/recall/F1 compare the system's grouping of the
matched mentions into events with the truth's; date accuracy compares the mention's
resolved value with the truth date.
"""
import collections
import json
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    truth = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
    data = json.load(open(sys.argv[2], encoding="utf-8"))
    # article slug -> [(expression lower-case, event id, value)] in events.json order
    system = collections.defaultdict(list)
    for ev in data["events"]:
        for m in ev["mentions"]:
            if m.get("expression"):
                system[m["article"]].append((m["expression"].lower(), ev["id"], m["value"]))
    used = set()
    pairs = []  # (gold event, system event, date ok)
    unmatched = 0
    for t in truth:
        expr = t["expr"].lower()
        candidates = [(i, c) for i, c in enumerate(system.get(t["slug"], [])) if (t["slug"], i) not in used]
        # TimeML spans leave out prepositions ("on 15 June" → "15 June"): containment either way.
        exact = [(i, c) for i, c in candidates if c[0] == expr]
        loose = [(i, c) for i, c in candidates if c[0] in expr or expr in c[0]]
        chosen = (exact or loose or [None])[0]
        if chosen is None:
            unmatched += 1
            continue
        i, (_, sys_event, value) = chosen
        used.add((t["slug"], i))
        pairs.append((t["event"], sys_event, value == t["date"]))
    if not pairs:
        sys.exit("no truth expression matched a system mention")
    by_gold = collections.defaultdict(list)
    by_sys = collections.defaultdict(list)
    for idx, (g, s, _) in enumerate(pairs):
        by_gold[g].append(idx)
        by_sys[s].append(idx)
    p_sum = r_sum = 0.0
    for idx, (g, s, _) in enumerate(pairs):
        same_sys = by_sys[s]
        same_gold = by_gold[g]
        overlap = sum(1 for j in same_sys if pairs[j][0] == g)
        p_sum += overlap / len(same_sys)
        r_sum += overlap / len(same_gold)
    n = len(pairs)
    p, r = p_sum / n, r_sum / n
    f = 2 * p * r / (p + r) if p + r else 0.0
    date_acc = sum(1 for _, _, ok in pairs if ok) / n
    print(f"truth expressions {len(truth)}, matched {n} ({n / len(truth):.3f}), unmatched {unmatched}")
    print(f"bcubed_p={p:.4f} bcubed_r={r:.4f} bcubed_f1={f:.4f} date_acc={date_acc:.4f} "
          f"gold_events={len(by_gold)} system_events={len(by_sys)}")


if __name__ == "__main__":
    main()
