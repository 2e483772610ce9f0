"""Prepares bench/save.sh: N articles of 20 sections and 8 citations for wrk's connections and M for
pgbench, two save bodies, and an editor's token, in the directory given. Prints the ids of
pgbench's articles."""
import json
import os
import random
import sys

import client

base, directory, count, for_pgbench = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
editor = client.token(base, "editor")
with open(f"{directory}/token", "w") as out:
    out.write(editor)
sample = os.environ.get("SAVE_BODY") == "sample"
content = client.sample_article("save-bench-body") if sample else client.article("save-bench-body", seed=1)
del content["slug"]
rng = random.Random(5)
with open(f"{directory}/body-a.json", "w") as out:
    json.dump(content, out)
content["sections"][3]["body"] = (content["sections"][3]["body"] + " " if sample else "") + client.sentence(rng) + " [@source-1]"
with open(f"{directory}/body-b.json", "w") as out:
    json.dump(content, out)
with open(f"{directory}/targets.txt", "w") as out:
    for n in range(count):
        article_id, etag = client.create(base, editor, client.article(f"save-bench-{n}", seed=n))
        out.write(f"{article_id} {etag}\n")
print(" ".join(client.create(base, editor, client.article(f"pgbench-{n}", seed=n))[0] for n in range(for_pgbench)))
