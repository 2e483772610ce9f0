"""Writes an NDJSON library of N articles shaped like the specification's reference article.

Usage: import_library.py N PREFIX VERSIONS OUT. Each article has 20 sections citing 8 sources, its
text the sample's paragraphs (../shared/samples, or made-up words when it is absent) with a word
that differs per article; VERSIONS > 1 adds that many earlier versions and a live, approved newest.
"""
import json
import os
import random
import sys

n, prefix, versions, out = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
here = os.path.dirname(os.path.abspath(__file__))
sample = os.path.join(here, "..", "..", "shared", "samples", "gut-health-eczema.txt")
if os.path.exists(sample):
    with open(sample, encoding="utf-8") as f:
        paragraphs = [line.strip().lstrip("•").strip() for line in f if line.strip()]
else:
    rng = random.Random(7)
    words = ["skin", "gut", "barrier", "flare", "itch", "diet", "fibre", "study", "children", "bacteria"]
    paragraphs = [" ".join(rng.choice(words) for _ in range(40)) + "." for _ in range(60)]
per = max(1, len(paragraphs) // 20)


def content(i, v):
    sections = []
    for s in range(20):
        body = "\n\n".join(paragraphs[s * per:(s + 1) * per]) or paragraphs[s % len(paragraphs)]
        sections.append({"key": f"part-{s + 1}", "heading": "" if s == 0 else f"Part {s + 1}",
                         "body": f"{body}\n\nArticle {i}, version {v}. Source: [@source-{s % 8 + 1}]"})
    citations = [{"key": f"source-{c}", "kind": "review", "title": f"A review number {c}",
                  "authors": ["Lee A", "Kim B"], "container": "Journal of Skin Research", "year": 2021,
                  "doi": f"10.1000/sample.{c}"} for c in range(1, 9)]
    return {"title": f"Atopic dermatitis and gut health {i}", "summary": "The reference article of the specification.",
            "tags": ["eczema", "microbiome"], "sections": sections, "citations": citations}


with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        line = {"slug": f"{prefix}-{i}", **content(i, versions)}
        if versions > 1:
            line["author"] = "Dr C. Editor"
            line["savedAt"] = "2025-03-02T10:00:00Z"
            line["history"] = [{"version": v, "author": "Dr A. Name", "savedAt": f"2025-02-0{v}T09:00:00Z",
                                "content": content(i, v)} for v in range(1, versions)]
            line["publishedVersion"] = versions
            line["approval"] = {"reviewer": "Dr B. Reviewer", "credentials": "MD", "approvedAt": "2025-03-05T12:00:00Z"}
        f.write(json.dumps(line, separators=(",", ":")) + "\n")
