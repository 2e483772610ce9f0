package org.imprimatur.integration;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs to a URL over a connection to an address given by the caller, so that the HTTP client
 * never looks the name up itself (docs/integration.md, "Target addresses"). The URL's host still
 * goes into the Host header, the TLS server name (SNI) and the certificate's host-name check: the
 * Vert.x client connects to {@link RequestOptions#setServer} and speaks to {@code host}.
 * java.net.http cannot be told where to connect, hence Vert.x here.
 */
final class PinnedSender implements AutoCloseable {

    /** A receiver's answer: its status and the first characters of its body. */
    record Answer(int status, String start) {
    }

    private final HttpClient client;
    private final Duration requestTimeout;
    private final int responseCap;

    PinnedSender(Vertx vertx, Duration connectTimeout, Duration requestTimeout, int connections, int responseCap) {
        this.requestTimeout = requestTimeout;
        this.responseCap = responseCap;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setVerifyHost(true)
                .setMaxPoolSize(connections));
    }

    /**
     * Sends and waits for the answer, at most the request timeout in all.
     *
     * @throws TimeoutException no complete answer in time
     * @throws IOException      no connection, or it broke
     */
    Answer post(URI target, InetAddress address, Map<String, String> headers, byte[] body)
            throws IOException, TimeoutException, InterruptedException {
        boolean https = target.getScheme().toLowerCase(Locale.ROOT).equals("https");
        int port = target.getPort() != -1 ? target.getPort() : https ? 443 : 80;
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
                .setHost(target.getHost())
                .setPort(port)
                .setSsl(https)
                .setURI(target.getRawQuery() == null ? path : path + "?" + target.getRawQuery())
                .setFollowRedirects(false)
                .setIdleTimeout(requestTimeout.toMillis());
        headers.forEach(options::putHeader);
        Future<Answer> answer = client.request(options).compose(request -> request.send(Buffer.buffer(body))
                .compose(response -> {
                    Promise<Answer> read = Promise.promise();
                    Buffer start = Buffer.buffer();
                    response.handler(chunk -> {
                        int room = responseCap - start.length();
                        start.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, Math.max(room, 0)));
                        if (start.length() >= responseCap && read.tryComplete(answer(response.statusCode(), start))) {
                            request.reset(); // the rest of the body is not read
                        }
                    });
                    response.exceptionHandler(read::tryFail);
                    response.endHandler(done -> read.tryComplete(answer(response.statusCode(), start)));
                    return read.future();
                }));
        try {
            return answer.toCompletionStage().toCompletableFuture().get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof TimeoutException timedOut) {
                throw timedOut;
            }
            throw cause instanceof IOException io ? io
                    : new IOException(cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName(), cause);
        }
    }

    private static Answer answer(int status, Buffer start) {
        return new Answer(status, start.length() == 0 ? null : start.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        client.close();
    }
}
