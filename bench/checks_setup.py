"""Prepares bench/checks.sh: the reference article (../shared/samples, 20 sections) saved once, and a
reviewer's token. Prints the path of its checks and the token."""
import sys

import client

base = sys.argv[1]
editor = client.token(base, "editor")
article_id, _ = client.create(base, editor, client.sample_article("checks-bench"))
status, _, body = client.request(base, "GET", f"/api/v1/editorial/articles/{article_id}/checks", None, editor)
assert status == 200, body
assert len(body["readability"]["sections"]) == 20, body
print(f"/api/v1/editorial/articles/{article_id}/checks", client.token(base, "reviewer"))
