#!/usr/bin/env python3
"""Turns an entity probe written as marked-up sentences into a CoNLL file for `newsflow evaluate entities`.

Input: one sentence a line, tokens separated by spaces, names as [TYPE words] (TYPE: PER ORG LOC MISC), a blank
line between articles, '#' lines ignored. Output: two columns (token, IOB2 tag), -DOCSTART- before every article.
Usage: scripts/probe/entities-conll.py enrich/src/test/resources/entities/organisations-probe.txt > probe.conll
"""
import re
import sys

NAME = re.compile(r"\[(PER|ORG|LOC|MISC) ([^\]]+)\]|(\S+)")


def sentence(line):
    out = []
    for m in NAME.finditer(line):
        if m.group(3):
            out.append((m.group(3), "O"))
        else:
            for i, w in enumerate(m.group(2).split()):
                out.append((w, ("B-" if i == 0 else "I-") + m.group(1)))
    return out


def main(path):
    articles, current = [], []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("#"):
            continue
        if not line:
            if current:
                articles.append(current)
                current = []
            continue
        current.append(sentence(line))
    if current:
        articles.append(current)
    for article in articles:
        print("-DOCSTART- O\n")
        for s in article:
            print("\n".join(f"{w} {t}" for w, t in s) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
