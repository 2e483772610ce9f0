"""Seeds N published sample-sized articles, M of them with V versions (the last one live).
Prints the slug of one ordinary article, one with many versions, and the size of its JSON."""
import concurrent.futures
import sys

import client

base, count, deep, versions = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
editor, reviewer = client.token(base, "editor"), client.token(base, "reviewer")


def seed(number):
    content = client.article(f"bench-{number}", seed=number)
    article_id, etag = client.create(base, editor, content)
    if number < deep:
        for v in range(2, versions + 1):
            content["sections"][v % 20]["body"] = f"Revision {v}. " + client.sentence(__import__("random").Random(v)) \
                + f" [@source-{v % 8 + 1}]"
            etag = client.save(base, editor, article_id, etag, content)
    client.publish(base, editor, reviewer, article_id)
    return number


with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
    done = 0
    for _ in pool.map(seed, range(count)):
        done += 1
        if done % 100 == 0:
            print(f"  seeded {done}/{count}", file=sys.stderr)
print(f"bench-{count - 1} bench-0")
