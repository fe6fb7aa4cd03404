#!/usr/bin/env python3
"""Scores event merging and expression dating on a synthetic corpus from ../shared/bench.

    python3 ../shared/bench/gen_corpus.py --n 1000 --out /tmp/c/content --seed 42 --truth /tmp/c/truth.jsonl
    chronicle build --site /tmp/c --output /tmp/c/public
    scripts/score-merge.py /tmp/c/truth.jsonl /tmp/c/public/events.json

Each truth line is one story-event expression (article slug, expression text, date, event id).
Truth expressions are aligned, per article and in document order, with the system's
dated mentions (ordered by their sentence anchor): an order-preserving alignment that
pairs the most expressions, preferring the same text over containment (TimeML spans
leave out "on", "in"). System mentions the truth does not list (quotes, boilerplate)
are skipped by the alignment instead of stealing a later expression of the same text.
The generator writes an article's "Key dates" list (the only truth lines before the
lede's, and without a tense) before the body although it ends the article: those lines
are moved to the end. B-cubed precision/recall/F1 compare the system's grouping of the
matched mentions into events with the truth's; date accuracy compares the mention's
resolved value with the truth date.
"""
import collections
import datetime
import json
import sys


def anchor_key(anchor):
    """"s12-3" -> (12, 3): block, then sentence."""
    if not anchor:
        return (1 << 30, 0)
    block, _, sentence = anchor[1:].partition("-")
    return (int(block), int(sentence or 0))


def same_date(value, truth):
    """The system's TIMEX3 value against the truth date at the truth's granularity: the truth
    writes a week as its Monday ("2024-11-11" for 2024-W46), and a day may come with a part of
    day or a time ("2025-02-01TMO", "2025-02-01T14:00")."""
    date = truth["date"]
    if truth.get("granularity") == "week":
        year, week, _ = datetime.date.fromisoformat(date).isocalendar()
        return value == f"{year}-W{week:02d}"
    if truth.get("granularity") == "day":
        return value == date or value.startswith(date + "T")
    return value == date


def align(truth_exprs, system_exprs):
    """Order-preserving alignment maximising the score (same text 3, containment 2); [(truth i, system j)]."""
    def score(a, b):
        return 3 if a == b else (2 if a in b or b in a else 0)
    n, m = len(truth_exprs), len(system_exprs)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            s = score(truth_exprs[i], system_exprs[j])
            best[i][j] = max(best[i + 1][j], best[i][j + 1], best[i + 1][j + 1] + s if s else 0)
    out, i, j = [], 0, 0
    while i < n and j < m:
        s = score(truth_exprs[i], system_exprs[j])
        if s and best[i][j] == best[i + 1][j + 1] + s:
            out.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    truth = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
    data = json.load(open(sys.argv[2], encoding="utf-8"))
    # article slug -> [(anchor, expression lower-case, event id, value)], sorted into document order
    system = collections.defaultdict(list)
    for ev in data["events"]:
        for m in ev["mentions"]:
            if m.get("expression"):
                system[m["article"]].append((anchor_key(m.get("anchor")), m["expression"].lower(), ev["id"], m["value"]))
    by_article = collections.defaultdict(list)
    for t in truth:
        by_article[t["slug"]].append(t)
    pairs = []  # (gold event, system event, date ok)
    unmatched = 0
    for slug, items in by_article.items():
        lede = next((k for k, t in enumerate(items) if "tense" in t), 0)
        items = items[lede:] + items[:lede]
        mentions = sorted(system.get(slug, []), key=lambda c: c[0])
        matched = align([t["expr"].lower() for t in items], [c[1] for c in mentions])
        unmatched += len(items) - len(matched)
        for ti, si in matched:
            _, _, sys_event, value = mentions[si]
            pairs.append((items[ti]["event"], sys_event, same_date(value, items[ti])))
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
