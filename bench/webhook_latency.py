"""Publishes N 20-section articles one after another with a webhook subscribed to publications,
and a receiver on 127.0.0.1 that records when each CloudEvent arrives. Prints approve latency
(approve request to live), publish-to-receipt latency, and how many events were lost or repeated.
Usage: webhook_latency.py BASE N"""
import http.server
import json
import sys
import threading
import time

import client

base, count = sys.argv[1], int(sys.argv[2])
received = []
lock = threading.Lock()


class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        now = time.perf_counter()
        with lock:
            received.append((now, self.headers["webhook-id"], json.loads(body)["subject"]))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
threading.Thread(target=server.serve_forever, daemon=True).start()
admin, editor, reviewer = (client.token(base, name) for name in ("admin", "editor", "reviewer"))
status, _, hook = client.request(base, "POST", "/api/v1/webhooks", {
    "url": f"http://127.0.0.1:{server.server_address[1]}/hook", "events": ["org.imprimatur.article.published"]}, admin)
assert status == 201, hook

# Alternating blocks of 100 publications with the webhook enabled and disabled, after a warm-up,
# so that both latencies are measured on the same warmed-up service under the same conditions.
approved_at, with_hook, without_hook = {}, [], []


def publish(slug, seed):
    article_id, _ = client.create(base, editor, client.article(slug, seed=seed))
    status, _, body = client.request(base, "POST", f"/api/v1/editorial/articles/{article_id}/submit", None, editor)
    assert status == 200, body
    start = time.perf_counter()
    status, _, body = client.request(base, "POST", f"/api/v1/editorial/articles/{article_id}/approve",
                                     {"version": body["version"], "contentHash": body["contentHash"]}, reviewer)
    end = time.perf_counter()
    assert status == 200, body
    return (end - start) * 1000, end


def enable(on):
    status, _, body = client.request(base, "PATCH", f"/api/v1/webhooks/{hook['id']}", {"enabled": on}, admin)
    assert status == 200, body


enable(False)
for i in range(100):
    publish(f"warm-up-{i}", i)
published = 0
while published < count:
    enable(True)
    for _ in range(min(100, count - published)):
        slug = f"hooked-{published}"
        latency, approved_at[slug] = publish(slug, published)
        with_hook.append(latency)
        published += 1
    enable(False)
    for i in range(100):
        without_hook.append(publish(f"unhooked-{published}-{i}", i)[0])

deadline = time.time() + 30
while time.time() < deadline and len({subject for _, _, subject in received}) < count:
    time.sleep(0.05)
time.sleep(1)
server.shutdown()


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(round(p / 100 * len(values) + 0.5)) - 1))]


ours = [(at, event, subject) for at, event, subject in received if subject in approved_at]
delays = [(at - approved_at[subject]) * 1000 for at, _, subject in ours]
distinct = len({event for _, event, _ in ours})
print(f"{count} publications: {distinct} delivered, {count - len({s for _, _, s in ours})} lost, "
      f"{len(ours) - distinct} repeated")
print(f"approve→live, webhook enabled   p50 {pct(with_hook, 50):.1f} ms  p99 {pct(with_hook, 99):.1f} ms")
print(f"approve→live, webhook disabled  p50 {pct(without_hook, 50):.1f} ms  p99 {pct(without_hook, 99):.1f} ms")
print(f"publish→received    p50 {pct(delays, 50):.1f} ms  p99 {pct(delays, 99):.1f} ms  max {max(delays):.1f} ms")
