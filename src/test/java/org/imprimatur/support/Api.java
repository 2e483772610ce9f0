package org.imprimatur.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** REST Assured shortcuts for the tests: tokens of the demo accounts and the editorial calls. */
public final class Api {

    public static final String ARTICLES = "/api/v1/editorial/articles";
    /**
     * An account that is editor and medical reviewer at once, as a clinician who also writes: the
     * four-eyes tests need one, and no demo account is both (an admin is no reviewer).
     */
    public static final String EDITOR_REVIEWER = "editor-reviewer";
    public static final String EDITOR_REVIEWER_PASSWORD = "a writing clinician's password";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Api() {
    }

    /** A demo account's token from the service under test (REST Assured's default address). */
    public static String token(String username) {
        return token("", username);
    }

    /** A demo account's token from the service at {@code base} ("" for the default), kept per service. */
    public static String token(String base, String username) {
        return TOKENS.computeIfAbsent(base + " " + username, key -> {
            if (username.equals(EDITOR_REVIEWER)) {
                ensureEditorReviewer(base);
            }
            return given(base)
                    .contentType(ContentType.JSON)
                    .body(Map.of("username", username, "password", username.equals(EDITOR_REVIEWER) ? EDITOR_REVIEWER_PASSWORD : "demo"))
                    .post("/api/v1/auth/token")
                    .then().statusCode(200)
                    .extract().path("access_token");
        });
    }

    /** Creates the editor-reviewer account on the service at {@code base} unless it has it already. */
    public static void ensureEditorReviewer(String base) {
        int status = as(base, "admin").body(Map.of("username", EDITOR_REVIEWER, "displayName", "Dr Writing Clinician",
                        "credentials", "MD", "roles", java.util.List.of("editor", "medical-reviewer"),
                        "password", EDITOR_REVIEWER_PASSWORD))
                .post("/api/v1/accounts").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("creating " + EDITOR_REVIEWER + " answered " + status);
        }
    }

    /**
     * Forgets a demo account's kept token, after a test changed the account's roles or password,
     * which ends the tokens issued before (docs/security.md).
     */
    public static void forgetToken(String username) {
        TOKENS.keySet().removeIf(key -> key.endsWith(" " + username));
    }

    public static RequestSpecification as(String username) {
        return RestAssured.given().auth().oauth2(token(username)).contentType(ContentType.JSON);
    }

    /** A request as a demo account to the service at {@code base}. */
    public static RequestSpecification as(String base, String username) {
        return given(base).auth().oauth2(token(base, username)).contentType(ContentType.JSON);
    }

    private static RequestSpecification given(String base) {
        RequestSpecification request = RestAssured.given();
        return base.startsWith("http") ? request.baseUri(base) : request;
    }

    public static Response create(Map<String, Object> content) {
        return as("editor").body(content).post(ARTICLES);
    }

    /**
     * As {@link #create}, for content that breaks a rule on purpose: only the answer is held to the
     * API description ({@link ApiContract#answerOnly()}).
     */
    public static Response createBadInput(Map<String, Object> content) {
        return as("editor").filter(ApiContract.answerOnly()).body(content).post(ARTICLES);
    }

    /** As {@link #save}, for content that breaks a rule on purpose: only the answer is checked. */
    public static Response saveBadInput(String username, String id, String ifMatch, Map<String, Object> content) {
        return as(username).filter(ApiContract.answerOnly()).header("If-Match", ifMatch).body(content).put(ARTICLES + "/" + id);
    }

    /** Creates an article and returns its id; fails the test if creation fails. */
    public static String createdId(Map<String, Object> content) {
        return create(content).then().statusCode(201).extract().path("id");
    }

    public static Response latest(String id) {
        return as("editor").get(ARTICLES + "/" + id);
    }

    public static String etag(String id) {
        return latest(id).then().statusCode(200).extract().header("ETag");
    }

    public static Response save(String username, String id, String ifMatch, Map<String, Object> content) {
        RequestSpecification request = as(username).body(content);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(ARTICLES + "/" + id);
    }
}
