"""Prepares the review-screen benchmark: a published 20-section article, a new version under review
that changes a third of its sections, and a studio session of a reviewer who did not write it.
Prints the review page's path and the Cookie header of that session."""
import random
import sys
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import client

base = sys.argv[1]
editor, reviewer = client.token(base, "editor"), client.token(base, "reviewer")
content = client.article("review-bench", seed=7)
article_id, etag = client.create(base, editor, content)
client.publish(base, editor, reviewer, article_id)
_, headers, _ = client.request(base, "GET", f"/api/v1/editorial/articles/{article_id}", None, editor)
rng = random.Random(11)
for i in range(0, 20, 3):
    content["sections"][i]["body"] = client.sentence(rng) + " " + content["sections"][i]["body"]
content["sections"].insert(5, content["sections"].pop(12))
content["citations"][2]["title"] = client.sentence(rng)
client.save(base, editor, article_id, headers["ETag"], content)
status, _, body = client.request(base, "POST", f"/api/v1/editorial/articles/{article_id}/submit", None, editor)
assert status == 200, body

# Sign in to the studio as a browser does: the CSRF cookie from the sign-in page, then the form.
jar = CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
opener.open(base + "/studio/sign-in").read()
csrf = next(cookie.value for cookie in jar if cookie.name == "csrf-token")
form = urllib.parse.urlencode({"csrf-token": csrf, "username": "reviewer2", "password": "demo"}).encode()
opener.open(base + "/studio/sign-in", data=form).read()
cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)
assert "imprimatur_session" in cookies, cookies
print(f"/studio/articles/{article_id}/review", cookies)
