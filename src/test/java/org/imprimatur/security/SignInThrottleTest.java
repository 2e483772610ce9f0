package org.imprimatur.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.imprimatur.support.Database;
import org.imprimatur.support.ServiceClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/security.md, "Sign-in throttling": one username from one address backs off exponentially,
 * one username from everywhere is slowed by at most a minute, parallel guesses are counted before
 * any is hashed. Clients "at" other addresses say so with X-Forwarded-For, which the test profile
 * trusts from loopback only, as the compose file trusts its proxy only.
 */
@QuarkusTest
class SignInThrottleTest {

    private static final String RIGHT = "the right password";

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/api/v1/auth/token")
    URL tokenEndpoint;

    @AfterEach
    void putTheClockBack() {
        ServiceClock.reset();
    }

    /** Finding 6: five wrong guesses from one address must not keep the owner out from another. */
    @Test
    void wrongGuessesFromOneAddressDoNotLockTheOwnerOutElsewhere() {
        String username = Database.temporaryEditor(dataSource, RIGHT);
        failAsOftenAs(username, 5, attempt -> "198.51.100.7");
        // The guessing address backs off, from the right password too: 4 s after its fifth failure.
        Response fromGuesser = signIn(username, RIGHT, "198.51.100.7");
        fromGuesser.then().statusCode(429).contentType("application/problem+json")
                .body("type", containsString("too-many-attempts"));
        assertEquals(4, retryAfter(fromGuesser));
        // The owner elsewhere waits at most the account's delay (1 s after five failures), not 15 minutes.
        Response owner = signIn(username, RIGHT, "203.0.113.20");
        if (owner.statusCode() == 429) {
            long wait = retryAfter(owner);
            System.out.printf("The owner at another address waits %d s after five failures elsewhere%n", wait);
            assertTrue(wait >= 1 && wait <= 60, "Retry-After " + wait);
            ServiceClock.moveAhead(Duration.ofSeconds(wait));
            owner = signIn(username, RIGHT, "203.0.113.20");
        }
        owner.then().statusCode(200);
        signIn("editor", "demo", "198.51.100.7").then().statusCode(200);
    }

    /** However many addresses guess, the account's delay stays at most a minute. */
    @Test
    void theAccountsDelayAcrossAddressesIsCappedAtAMinute() {
        String username = Database.temporaryEditor(dataSource, RIGHT);
        failAsOftenAs(username, 14, attempt -> "198.51.100." + (10 + attempt));
        Response owner = signIn(username, RIGHT, "203.0.113.21");
        owner.then().statusCode(429);
        long wait = retryAfter(owner);
        // 2^(14 - 5) = 512 s uncapped.
        assertTrue(wait > 30 && wait <= 60, "Retry-After " + wait);
        ServiceClock.moveAhead(Duration.ofSeconds(wait));
        signIn(username, RIGHT, "203.0.113.21").then().statusCode(200);
    }

    /**
     * 200 wrong guesses at once for one account from 200 addresses: each reserves its attempt in
     * PostgreSQL before hashing (one at a time per replica and username), so at most the account's
     * allowance of five is evaluated, and one more for each doubling wait the burst outlasts (on a
     * slow machine it may last past the first second); the rest are refused with 429 unhashed;
     * nothing answers 5xx.
     */
    @Test
    void twoHundredParallelGuessesAreNotAllEvaluated() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String username = Database.temporaryEditor(dataSource, RIGHT);
        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<Void>>> answers = guessInParallel(client, username, 66);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        for (CompletableFuture<HttpResponse<Void>> answer : answers) {
            int status = answer.join().statusCode();
            assertTrue(status == 401 || status == 429, "a parallel guess answered " + status);
            (status == 401 ? wrong : refused).incrementAndGet();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // Five free, then one more after 1 s, another 2 s later, 4 s later…: what the burst's length allows.
        int allowed = 5;
        for (long wait = 1, elapsed = 1; elapsed <= seconds; wait *= 2, elapsed += wait) {
            allowed++;
        }
        // Every evaluated wrong guess is one failure row; a refused one left none.
        long evaluated = Database.queryLong(dataSource, "SELECT count(*) FROM sign_in_failures WHERE username = ?", username);
        System.out.printf("200 parallel wrong guesses for one account -> %d evaluated, %d refused unhashed%n",
                evaluated, refused.get());
        assertEquals(wrong.get(), evaluated);
        assertTrue(evaluated >= 1 && evaluated <= allowed, evaluated + " guesses were evaluated in " + seconds
                + " s, where the throttle allows " + allowed);
        assertEquals(200, evaluated + refused.get());
    }

    /** 200 wrong guesses at once for the username, from 200 addresses 10.{net}.x.y. */
    private List<CompletableFuture<HttpResponse<Void>>> guessInParallel(HttpClient client, String username, int net) {
        String body = "{\"username\":\"" + username + "\",\"password\":\"a wrong guess\"}";
        List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
        for (int guess = 0; guess < 200; guess++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint.toString()))
                    .header("content-type", "application/json")
                    .header("X-Forwarded-For", "10." + net + "." + (guess / 100) + "." + (guess % 100 + 1))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
        }
        return answers;
    }

    @Test
    void unknownUsernamesAreThrottledAlikeAndEverythingIsCounted() {
        String username = "nobody-" + System.nanoTime();
        for (int attempt = 1; attempt <= 3; attempt++) {
            signIn(username, "guess", "192.0.2.50").then().statusCode(401);
        }
        signIn(username, "guess", "192.0.2.50").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        String metrics = RestAssured.given().baseUri("http://localhost:" + management.getPort()).get("/q/metrics").asString();
        assertTrue(metrics.contains("imprimatur_sign_in_failures_total"), "failures are not counted");
        assertTrue(metrics.contains("imprimatur_sign_in_lockouts_total"), "lock-outs are not counted");
        assertTrue(metrics.contains("imprimatur_sign_in_evaluations_total"), "evaluated attempts are not counted");
    }

    @Test
    void delaysDoubleFromTheAllowanceUpToTheirCap() {
        Duration minute = SignInThrottle.ACCOUNT_DELAY_CAP;
        assertEquals(Duration.ZERO, SignInThrottle.delay(4, 5, minute));
        assertEquals(Duration.ofSeconds(1), SignInThrottle.delay(5, 5, minute));
        assertEquals(Duration.ofSeconds(32), SignInThrottle.delay(10, 5, minute));
        assertEquals(minute, SignInThrottle.delay(11, 5, minute));
        assertEquals(minute, SignInThrottle.delay(Integer.MAX_VALUE, 5, minute));
    }

    /** Fails {@code times} wrong guesses, moving the service's clock on whenever told to wait. */
    private void failAsOftenAs(String username, int times, java.util.function.IntFunction<String> address) {
        int failed = 0;
        for (int attempt = 0; failed < times && attempt < 4 * times; attempt++) {
            Response answer = signIn(username, "a wrong guess", address.apply(failed));
            if (answer.statusCode() == 429) {
                ServiceClock.moveAhead(Duration.ofSeconds(retryAfter(answer)));
            } else {
                answer.then().statusCode(401);
                failed++;
            }
        }
        assertEquals(times, failed);
    }

    private static long retryAfter(Response response) {
        return Long.parseLong(response.header("Retry-After"));
    }

    private static Response signIn(String username, String password, String address) {
        return RestAssured.given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("username", username, "password", password)).post("/api/v1/auth/token");
    }
}
