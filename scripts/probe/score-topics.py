#!/usr/bin/env python3
"""Scores the topic tagger on invented newswire feed items, through the product path (`newsflow tag`).

Each item of newswire-items.jsonl has a class a general news site would file it under (world, sports, business,
scitech) and is right when the tagger's first level-1 topic is one the class covers (world: politics, conflict,
crime, disaster or society). The items were written for this project; nothing trains or tunes on them by rule,
but they are a development probe, not a held-out test: the lexicon has been read against their errors.

usage: scripts/probe/score-topics.py [--tag "COMMAND"] [--errors]
  --tag     the command that reads articles as JSON lines and writes them tagged (default: ./newsflow tag)
  --errors  print each wrong item with its first three topics
"""
import argparse
import collections
import json
import os
import subprocess
import sys

ACCEPTED = {
    "world": {"11", "16", "02", "03", "14"},
    "sports": {"15"},
    "business": {"04"},
    "scitech": {"13"},
}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--tag", default=os.path.join(here, "..", "..", "newsflow") + " tag")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    with open(os.path.join(here, "newswire-items.jsonl"), encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    lines = "".join(json.dumps({"schemaVersion": 1, "id": it["id"], "url": "https://probe.example/" + it["id"],
                                "title": it["title"], "text": it["text"], "language": "en"}) + "\n" for it in items)
    run = subprocess.run(["bash", "-c", args.tag], input=lines, capture_output=True, text=True)
    tagged = run.stdout.splitlines()
    if run.returncode != 0 or len(tagged) != len(items):
        sys.exit("tagging failed (exit %d, %d of %d lines):\n%s" % (run.returncode, len(tagged), len(items),
                                                                    run.stderr[-2000:]))
    right, total, first = collections.Counter(), collections.Counter(), collections.defaultdict(collections.Counter)
    for item, line in zip(items, tagged):
        level1 = sorted((t for t in json.loads(line).get("topics", []) if t["id"].endswith("000000")),
                        key=lambda t: -t["score"])
        top = level1[0]["id"][len("medtop:"):len("medtop:") + 2] if level1 else "-"
        cls = item["cls"]
        total[cls] += 1
        first[cls][top] += 1
        ok = top in ACCEPTED[cls]
        right[cls] += ok
        if args.errors and not ok:
            print("%s %s | %s -> %s" % (item["id"], cls, item["title"],
                                        [(t["id"][7:9], round(t["score"], 2)) for t in level1[:3]]))
    print("| class | items | right | first topics (IPTC level-1 number: items) |")
    print("|---|---:|---:|---|")
    for cls in ACCEPTED:
        print("| %s | %d | %.2f | %s |" % (cls, total[cls], right[cls] / total[cls],
                                           ", ".join("%s: %d" % kv for kv in first[cls].most_common(6))))
    print("| all | %d | %.3f | |" % (sum(total.values()), sum(right.values()) / sum(total.values())))


if __name__ == "__main__":
    main()
