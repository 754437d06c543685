"""Write a larger law corpus from the shared one, for the ten-times benchmark.

    .venv/bin/python bench/make_corpus.py OUT.jsonl.gz [--laws 15000] [--corpus ../shared/corpus/laws-dev.jsonl.gz]

Each generated law is a shared-corpus law with a varied title (a place, a year or a
kind of 实施办法/细则, so titles repeat less than the texts do), a publication date
moved by whole years and days, and its articles in another order (the lines after the
first, shuffled in blocks). The same seed gives the same file. The first copy of each
law is the law itself, so the shared corpus is a subset of the generated one.
"""

import argparse
import gzip
import json
import random
from datetime import date, timedelta

from make_queries import DEFAULT_CORPUS

PLACES = ["某省", "某市", "某自治区", "某县", "某区", "某经济特区", "某自治州", "某新区"]
KINDS = ["实施办法", "实施细则", "若干规定", "暂行办法", "补充规定", "执行办法"]


def variant(law, copy, rng):
    if copy == 0:
        return law
    title = law["title"]
    choice = copy % 3
    if choice == 0:
        title = f"{rng.choice(PLACES)}{title}{rng.choice(KINDS)}"
    elif choice == 1:
        title = f"{title}（{rng.randint(1990, 2025)}年修订）"
    else:
        title = f"{rng.choice(PLACES)}关于贯彻{title}的{rng.choice(KINDS)}"
    lines = law["body"].split("\n")
    head, rest = lines[:1], lines[1:]
    blocks = [rest[start : start + 5] for start in range(0, len(rest), 5)]
    rng.shuffle(blocks)
    body = "\n".join(head + [line for block in blocks for line in block])
    published = law.get("published")
    if published:
        moved = date.fromisoformat(published) + timedelta(days=rng.randint(-3650, 365))
        published = min(moved, date(2025, 12, 31)).isoformat()
    return {**law, "title": title, "body": body, "published": published}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    parser.add_argument("--laws", type=int, default=15000)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with gzip.open(args.corpus, "rt", encoding="utf-8") as lines:
        laws = [json.loads(line) for line in lines if line.strip()]
    written = 0
    with gzip.open(args.output, "wt", encoding="utf-8") as out:
        copy = 0
        while written < args.laws:
            for law in laws:
                if written == args.laws:
                    break
                out.write(json.dumps(variant(law, copy, rng), ensure_ascii=False) + "\n")
                written += 1
            copy += 1
    print(f"wrote {args.output}: {written} laws")


if __name__ == "__main__":
    main()
