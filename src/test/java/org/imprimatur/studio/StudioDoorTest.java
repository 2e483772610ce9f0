package org.imprimatur.studio;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.imprimatur.support.Api;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The studio's door (docs/security.md, "The studio's door"): without a session no spelling of a
 * studio path reaches a page, and no spelling of an editorial API path reaches an answer without a
 * token. Every route of every studio page class is tried, so a new page is covered when it is added.
 */
@QuarkusTest
class StudioDoorTest {

    /** The spellings a router may resolve to the same resource; each turns a clean path into another. */
    static final Map<String, UnaryOperator<String>> SPELLINGS = Map.ofEntries(
            Map.entry("as written", path -> path),
            Map.entry("leading double slash", path -> "/" + path),
            Map.entry("inner double slash", path -> path.replaceFirst("^/(\\w+)/", "/$1//")),
            Map.entry("dot segment", path -> "/." + path),
            Map.entry("dot segment inside", path -> path.replaceFirst("^/(\\w+)/", "/$1/./")),
            Map.entry("parent segment", path -> "/x/.." + path),
            Map.entry("encoded parent segment", path -> "/x/%2e%2e" + path),
            Map.entry("percent-encoded letter", path -> "/%" + Integer.toHexString(path.charAt(1)) + path.substring(2)),
            Map.entry("percent-encoded slash", path -> path.replaceFirst("^/(\\w+)/", "/$1%2F")),
            Map.entry("matrix parameter", path -> path.replaceFirst("^/(\\w+)/", "/$1;x=1/")),
            Map.entry("upper case", path -> path.toUpperCase(java.util.Locale.ROOT)),
            Map.entry("trailing dot", path -> path + "."),
            Map.entry("trailing slash", path -> path + "/"),
            Map.entry("trailing dot segment", path -> path + "/."));

    private static String draftId;
    private static final String DRAFT_TEXT = "Door test draft text " + UUID.randomUUID();

    /** A draft worth stealing, made once (REST Assured knows the service's port only in a test). */
    private static String draft() {
        if (draftId == null) {
            Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("door"));
            content.put("title", DRAFT_TEXT);
            draftId = Api.createdId(content);
        }
        return draftId;
    }

    @Test
    void noSpellingOfAStudioPathOpensAPageWithoutASession() {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        // Posts carry a valid form token, so that it is the missing session that refuses them, not the CSRF check.
        String csrf = RestAssured.given().get("/studio/sign-in").then().statusCode(200).extract().cookie("csrf-token");
        for (Route route : studioRoutes()) {
            if (route.path().equals("/studio/sign-in")) {
                continue;
            }
            for (Map.Entry<String, UnaryOperator<String>> spelling : SPELLINGS.entrySet()) {
                String target = spelling.getValue().apply(route.path());
                List<String> methods = route.method().equals("GET") ? List.of("GET", "HEAD") : List.of(route.method());
                for (String method : methods) {
                    RawHttp.Answer answer = RawHttp.send(method, target,
                            Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", "csrf-token=" + csrf),
                            method.equals("POST") ? "csrf-token=" + csrf + "&confirm=yes" : null);
                    tried++;
                    String problem = refusalProblem(answer, true);
                    if (problem != null) {
                        failures.add(method + " " + target + " (" + spelling.getKey() + "): " + problem);
                    }
                }
            }
        }
        assertTrue(tried > 500, "every studio route in every spelling, tried " + tried);
        assertEquals(List.of(), failures);
    }

    @Test
    void noSpellingOfAnEditorialPathAnswersWithoutAToken() {
        String draftId = draft();
        List<String> paths = List.of(Api.ARTICLES, Api.ARTICLES + "/" + draftId, Api.ARTICLES + "/" + draftId + "/versions",
                Api.ARTICLES + "/" + draftId + "/versions/1", Api.ARTICLES + "/" + draftId + "/audit",
                "/api/v1/editorial/review-queue", "/api/v1/accounts");
        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            for (Map.Entry<String, UnaryOperator<String>> spelling : SPELLINGS.entrySet()) {
                String target = spelling.getValue().apply(path);
                RawHttp.Answer answer = RawHttp.send("GET", target, Map.of(), null);
                String problem = refusalProblem(answer, false);
                if (problem != null) {
                    failures.add("GET " + target + " (" + spelling.getKey() + "): " + problem);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /** A return path that is not a clean studio path sends the visitor to the desk; it never fails the sign-in. */
    @Test
    void aReturnPathThatCannotBeALocationLeadsToTheDesk() {
        for (String next : List.of("/studio/\r\nX-Forged: 1", "/studio/a b", "/studio/%zz", "/studio/<script>")) {
            RestAssured.given().queryParam("next", next).get("/studio/sign-in").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("name=\"next\" value=\"/studio\""));
            String csrf = RestAssured.given().get("/studio/sign-in").then().statusCode(200).extract().cookie("csrf-token");
            RestAssured.given().redirects().follow(false).cookie("csrf-token", csrf)
                    .formParams(Map.of("csrf-token", csrf, "username", "editor", "password", "demo", "next", next))
                    .post("/studio/sign-in").then().statusCode(303)
                    .header("Location", org.hamcrest.Matchers.endsWith("/studio"));
        }
    }

    /** Why the answer is not a refusal that keeps the draft in, or null when it is one. */
    private static String refusalProblem(RawHttp.Answer answer, boolean studio) {
        if (answer.body().contains(DRAFT_TEXT)) {
            return answer.status() + " with the draft's text";
        }
        if (answer.status() < 300 || answer.status() >= 500) {
            return "answered " + answer.status();
        }
        if (answer.status() >= 300 && answer.status() < 400
                && !"/studio/sign-in".equals(java.net.URI.create(String.valueOf(answer.header("Location"))).getPath())) {
            return "redirected to " + answer.header("Location");
        }
        // A studio page without a session is the way to sign in, whatever the method; a spelling the router
        // resolves to no page is not found.
        if (studio && answer.status() != 303 && answer.status() != 404) {
            return "answered " + answer.status() + " where the way to sign in was expected";
        }
        if (studio && answer.status() != 404) {
            if (!"no-store".equals(answer.header("Cache-Control"))) {
                return answer.status() + " without Cache-Control: no-store";
            }
            if (!String.valueOf(answer.header("Content-Security-Policy")).contains("default-src 'self'")) {
                return answer.status() + " without the studio's Content-Security-Policy";
            }
        }
        return null;
    }

    record Route(String method, String path) {
    }

    /** Every route of the studio's page classes, path parameters filled with the draft's id or version 1. */
    static List<Route> studioRoutes() {
        List<Route> routes = new ArrayList<>();
        List<Class<?>> pages = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(StudioDoorTest.class.getPackageName()).stream()
                .filter(type -> type.isAnnotatedWith(Path.class)).<Class<?>>map(JavaClass::reflect).toList();
        for (Class<?> page : pages) {
            String base = page.getAnnotation(Path.class).value();
            for (Method method : page.getDeclaredMethods()) {
                Path path = method.getAnnotation(Path.class);
                String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST" : null;
                if (verb == null) {
                    continue;
                }
                String full = base + (path == null ? "" : path.value());
                String filled = full.replace("{id}", draft()).replace("{version}", "1").replace("{username}", "editor")
                        .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                routes.add(new Route(verb, filled));
            }
        }
        if (routes.size() < 30) {
            fail("expected the studio's thirty-odd routes, found " + routes);
        }
        return routes;
    }
}
