package org.imprimatur.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * A real HTTP endpoint on 127.0.0.1 that records every request it receives and answers with the
 * status the test chooses.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(Map<String, List<String>> headers, String body, int answeredWith, long receivedAtNanos) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile IntSupplier status = () -> 200;
    private volatile Duration delay = Duration.ZERO;
    private final AtomicInteger arrivals = new AtomicInteger();
    private final java.util.concurrent.ScheduledExecutorService answersLater =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            arrivals.incrementAndGet();
            int answer = status.getAsInt();
            Duration wait = delay;
            Runnable respond = () -> {
                received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8),
                        answer, System.nanoTime()));
                byte[] reply = ("answered " + answer).getBytes(StandardCharsets.UTF_8);
                try {
                    exchange.sendResponseHeaders(answer, reply.length);
                    exchange.getResponseBody().write(reply);
                } catch (IOException gone) {
                    // the sender gave up or was killed while the answer was held: nothing to answer
                } finally {
                    exchange.close();
                }
            };
            if (wait.isZero()) {
                respond.run();
            } else {
                // A held answer is sent later, so the sender waits as it would on a slow receiver.
                delay = Duration.ZERO;
                answersLater.schedule(respond, wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers each request with the next status of the list, then 200. */
    public void answer(int... statuses) {
        AtomicInteger next = new AtomicInteger();
        status = () -> {
            int i = next.getAndIncrement();
            return i < statuses.length ? statuses[i] : 200;
        };
    }

    /** Answers every request with this status from now on. */
    public void answerAlways(int answer) {
        status = () -> answer;
    }

    /** Holds the next request this long before answering it (and recording it). */
    public void holdNext(Duration hold) {
        delay = hold;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** How many requests have arrived, answered or still held. */
    public int arrivals() {
        return arrivals.get();
    }

    /** Waits until a received request matches, and returns it; fails after the timeout. */
    public Received await(Predicate<Received> matching, Duration timeout) {
        try {
            return org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(10))
                    .until(() -> received.stream().filter(matching).findFirst(), java.util.Optional::isPresent).get();
        } catch (org.awaitility.core.ConditionTimeoutException none) {
            throw new AssertionError("No matching request within " + timeout + "; received " + received.size() + ": "
                    + received.stream().map(Received::body).toList());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        answersLater.shutdownNow();
    }
}
