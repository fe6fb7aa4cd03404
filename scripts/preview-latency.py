#!/usr/bin/env python3
"""Measures the live preview: from saving an article to the new text in the served page.

Copies the example site (content/, templates/, chronicle.yml) to a temporary folder, starts
`chronicle serve --port 0` on it, then RUNS times: appends a new sentence to an article,
and polls that article's page every 5 ms until the sentence is there. It also keeps a
long poll open on /_chronicle/reload, as an open page does, and notes when it answers (the
moment a browser starts reloading). Prints each run and the median and maximum.

    scripts/preview-latency.py [--runs 10] [--chronicle .build/release/chronicle]
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fetch(url, timeout=60):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.read().decode("utf-8")
    except urllib.error.HTTPError as e:  # a 404 while the output folder is swapped
        return e.read().decode("utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--chronicle", default=os.path.join(ROOT, ".build/release/chronicle"))
    args = ap.parse_args()
    if not os.path.exists(args.chronicle):
        subprocess.run(["swift", "build", "-c", "release", "--product", "chronicle"], cwd=ROOT, check=True)

    site = tempfile.mkdtemp(prefix="chronicle-latency-")
    for name in ["content", "templates"]:
        shutil.copytree(os.path.join(ROOT, name), os.path.join(site, name))
    shutil.copy(os.path.join(ROOT, "chronicle.yml"), site)
    article = sorted(f for f in os.listdir(os.path.join(site, "content")) if f.endswith((".md", ".txt")))[0]
    page = "articles/" + os.path.splitext(article)[0] + ".html"

    server = subprocess.Popen([args.chronicle, "serve", "--port", "0", "--site", site],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = None
        for line in server.stdout:
            m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if m:
                port = int(m.group(1))
                break
        if port is None:
            sys.exit("chronicle serve did not start")
        # Keep reading its output so that a full pipe never blocks it.
        threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
        base = f"http://127.0.0.1:{port}/"
        print(f"site: {site} ({len(os.listdir(os.path.join(site, 'content')))} articles), page: {page}")

        visible, notified = [], []
        path = os.path.join(site, "content", article)
        for run in range(args.runs):
            html = fetch(base + page)
            generation = int(re.search(r'"generation":(\d+)', html).group(1))
            notice = {}

            def long_poll():
                status = json.loads(fetch(f"{base}_chronicle/reload?after={generation}"))
                notice["at"] = time.monotonic()
                notice["status"] = status

            poller = threading.Thread(target=long_poll)
            poller.start()
            time.sleep(0.3)  # let the long poll reach the server, as an open page's would
            marker = f"Preview marker {run} {os.getpid()} reached the page."
            start = time.monotonic()
            with open(path, "a", encoding="utf-8") as f:
                f.write(f"\n{marker}\n")
            while marker not in fetch(base + page):
                if time.monotonic() - start > 30:
                    sys.exit(f"run {run}: the change did not reach the page in 30 s")
                time.sleep(0.005)
            seen = time.monotonic() - start
            poller.join(60)
            told = notice.get("at", float("nan")) - start
            if notice.get("status", {}).get("errors"):
                sys.exit(f"run {run}: the build failed: {notice['status']['errors']}")
            visible.append(seen)
            notified.append(told)
            print(f"run {run + 1}: new text served after {seen * 1000:.0f} ms; reload notice after {told * 1000:.0f} ms")
        print(f"median: served {statistics.median(visible) * 1000:.0f} ms, notice {statistics.median(notified) * 1000:.0f} ms; "
              f"max: served {max(visible) * 1000:.0f} ms ({args.runs} runs, target < 1000 ms)")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main()
