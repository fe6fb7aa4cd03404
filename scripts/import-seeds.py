#!/usr/bin/env python3
"""Writes the example site's content/ from ../shared/seeds (front matter from metadata.tsv,
body text unchanged). Run once from the repository root; the result is committed."""
import csv, os, re, sys

seeds = sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds"
out = sys.argv[2] if len(sys.argv) > 2 else "content"
os.makedirs(out, exist_ok=True)

def slugify(title):
    words = re.sub(r"[^a-z0-9]+", " ", title.lower()).split()
    slug = ""
    for w in words:
        if len(slug) + len(w) + 1 > 60:
            break
        slug = f"{slug}-{w}" if slug else w
    return slug

def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

with open(os.path.join(seeds, "metadata.tsv"), encoding="utf-8") as f:
    for row in csv.DictReader(f, delimiter="\t"):
        body = open(os.path.join(seeds, row["file"]), encoding="utf-8").read()
        lines = ["---", f"title: {quote(row['title'])}", f"date: {row['published']}"]
        if row["source"]:
            lines.append(f"source: {quote(row['source'])}")
        lines.append(f"timezone: {row['timezone']}")
        lines += ["---", ""]
        name = f"{row['published']}-{slugify(row['title'])}.txt"
        with open(os.path.join(out, name), "w", encoding="utf-8") as g:
            g.write("\n".join(lines) + body + ("" if body.endswith("\n") else "\n"))
        print(name)
