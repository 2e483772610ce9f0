"""HTTP helpers for the benchmark scripts: tokens, sample-sized articles in generated words, saves."""
import json
import random
import urllib.request

TOPICAL = ("skin barrier gut bacteria fibre diet immune response flare itch moisturiser emollient "
           "inflammation study review trial children adults allergy microbiome balance strain probiotic "
           "yogurt vegetables sleep stress doctor cream treatment symptom cause prevention research").split()
# A corpus needs a long tail of words: 4,000 made-up ones, drawn far more often than the topical
# words, so that a topical word appears in some articles and not in all (as in real text).
_SYLLABLES = "ka lo mi ne ru sa te vo di pa".split()
FILLER = [a + b + c + d for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES for d in _SYLLABLES[:4]]
TOPICAL_SHARE = 0.02


def request(base, method, path, body=None, token=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    for name, value in (headers or {}).items():
        req.add_header(name, value)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, dict(response.headers), json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def token(base, username):
    status, _, body = request(base, "POST", "/api/v1/auth/token", {"username": username, "password": "demo"})
    assert status == 200, body
    return body["access_token"]


def word(rng):
    if rng.random() < TOPICAL_SHARE:
        return rng.choice(TOPICAL)
    return FILLER[min(int(rng.paretovariate(0.8)) - 1, len(FILLER) - 1)] if rng.random() < 0.5 else rng.choice(FILLER)


def sentence(rng):
    return " ".join(word(rng) for _ in range(rng.randint(8, 16))).capitalize() + "."


def article(slug, seed=0, sections=20, citations=8):
    """About the size of the reference article: 20 sections of a few sentences, 8 citations."""
    rng = random.Random(seed)
    return {
        "slug": slug,
        "title": "Gut health and eczema " + slug,
        "summary": sentence(rng),
        "tags": ["eczema", "microbiome"],
        "sections": [{"key": f"part-{i + 1}", "heading": "" if i == 0 else sentence(rng)[:60],
                      "aspect": "overview" if i == 0 else None,
                      "body": " ".join(sentence(rng) for _ in range(3)) + f" [@source-{i % citations + 1}]"}
                     for i in range(sections)],
        "citations": [{"key": f"source-{i + 1}", "kind": "review", "title": sentence(rng),
                       "authors": ["Author A", "Author B"], "container": "Journal of Skin Research",
                       "year": 2021, "doi": f"10.1000/bench.{i + 1}"} for i in range(citations)],
    }


def create(base, editor, content):
    status, headers, body = request(base, "POST", "/api/v1/editorial/articles", content, editor)
    assert status == 201, body
    return body["id"], headers["ETag"]


def save(base, editor, article_id, etag, content):
    status, headers, body = request(base, "PUT", f"/api/v1/editorial/articles/{article_id}", content, editor,
                                    {"If-Match": etag})
    assert status == 200, (status, body)
    return headers["ETag"]


def publish(base, editor, reviewer, article_id):
    status, _, body = request(base, "POST", f"/api/v1/editorial/articles/{article_id}/submit", None, editor)
    assert status == 200, body
    status, _, body = request(base, "POST", f"/api/v1/editorial/articles/{article_id}/approve",
                              {"version": body["version"], "contentHash": body["contentHash"]}, reviewer)
    assert status == 200, body


def sample_article(slug, path=None):
    """The reference article of ../shared/samples as the tests build it (support/Fixtures.sampleArticle):
    its paragraphs in 20 sections, each citing one of 8 review sources."""
    import math
    import os
    if path is None:
        here = os.path.dirname(os.path.abspath(__file__))
        path = os.path.join(here, "..", "..", "shared", "samples", "gut-health-eczema.txt")
    with open(path, encoding="utf-8") as source:
        lines = [line for line in source.read().splitlines() if line.strip()]
    count = 20
    per_section = math.ceil(len(lines) / count)
    sections = []
    for i in range(count):
        body = ""
        for line in lines[min(i * per_section, len(lines)):min((i + 1) * per_section, len(lines))]:
            text = line.strip()
            body += "- " + text[1:].strip() + "\n" if text.startswith("•") else text + "\n\n"
        body += f"Source: [@source-{i % 8 + 1}]"
        sections.append({"key": f"part-{i + 1}", "heading": "" if i == 0 else f"Part {i + 1}", "aspect": None,
                         "body": body})
    citations = [{"key": f"source-{i}", "kind": "review", "title": f"A study called source-{i}",
                  "authors": ["Lee A", "Kim B"], "container": "Journal of Skin Research", "year": 2021,
                  "doi": f"10.1000/sample.{i}"} for i in range(1, 9)]
    return {"slug": slug, "title": "Atopic dermatitis and gut health",
            "summary": "The reference article of the specification.", "sections": sections, "citations": citations}
