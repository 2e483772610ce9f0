"""Prepares bench/approve.sh in the directory given: N articles of 20 sections and 8 citations,
written by the editor and submitted for review (one line each: id, version, content hash), a body
for creating articles, and the editor's and a reviewer's tokens."""
import json
import sys

import client

base, directory, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
editor, reviewer = client.token(base, "editor"), client.token(base, "reviewer")
for name, token in (("editor-token", editor), ("reviewer-token", reviewer)):
    with open(f"{directory}/{name}", "w") as out:
        out.write(token)
content = client.article("SLUG", seed=1)
with open(f"{directory}/create-body.json", "w") as out:
    json.dump(content, out)
with open(f"{directory}/submitted.txt", "w") as out:
    for n in range(count):
        article_id, _ = client.create(base, editor, client.article(f"approve-bench-{n}", seed=n))
        status, _, body = client.request(base, "POST", f"/api/v1/editorial/articles/{article_id}/submit", None, editor)
        assert status == 200, body
        out.write(f"{article_id} {body['version']} {body['contentHash']}\n")
