"""Times saves of a 20-section article: p50 and p99 over N saves, with C concurrent clients."""
import statistics
import sys
import threading
import time

import client

base, total, clients = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
editor = client.token(base, "editor")
per_client = total // clients
RUN = int(time.time() * 1000)
latencies = []
lock = threading.Lock()


def run(number):
    content = client.article(f"save-bench-{RUN}-{number}", seed=number)
    article_id, etag = client.create(base, editor, content)
    own = []
    for i in range(per_client):
        content["sections"][i % 20]["body"] = client.sentence(__import__("random").Random(i)) + " [@source-1]"
        started = time.perf_counter()
        etag = client.save(base, editor, article_id, etag, content)
        own.append((time.perf_counter() - started) * 1000)
    with lock:
        latencies.extend(own)


threads = [threading.Thread(target=run, args=(n,)) for n in range(clients)]
wall = time.perf_counter()
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
wall = time.perf_counter() - wall
latencies.sort()
p50 = statistics.median(latencies)
p99 = latencies[int(len(latencies) * 0.99) - 1]
print(f"{clients} client(s): {len(latencies)} saves in {wall:.1f} s = {len(latencies) / wall:.0f} saves/s, "
      f"p50 {p50:.1f} ms, p99 {p99:.1f} ms")
