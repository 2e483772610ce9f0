package org.imprimatur.workflow;

import org.imprimatur.rules.TransitionTable;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.imprimatur.support.Api;
import org.imprimatur.support.ApiContract;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same hand-written table through the HTTP API, on real articles in each state. WorkflowRulesTest
 * checks every case of the table in memory; here each kind of outcome is played once over HTTP, which
 * is what the wiring can get wrong: every action's success, and every kind of refusal (see
 * {@link #outcome}). The cases are chosen from the table by that rule, so a row or action added to
 * the table is covered here without a list to keep.
 */
@QuarkusTest
class TransitionMatrixApiTest {

    static List<TransitionTable.Case> cases() {
        List<TransitionTable.Case> table = TransitionTable.cases();
        Map<String, TransitionTable.Case> firstOfEachOutcome = new LinkedHashMap<>();
        for (TransitionTable.Case candidate : table) {
            firstOfEachOutcome.putIfAbsent(outcome(candidate, table), candidate);
        }
        System.out.println("TransitionMatrixApiTest: " + firstOfEachOutcome.size() + " of the table's " + table.size()
                + " cases over HTTP, one per outcome " + firstOfEachOutcome.keySet());
        return List.copyOf(firstOfEachOutcome.values());
    }

    /**
     * What a case proves over HTTP: an allowed action (one per action, with its target state), or a
     * kind of refusal: 401 for no token, 403 for a missing role, 403 by four-eyes (the author of the
     * change is refused what a reviewer in the same row may do), 409 for the state.
     */
    static String outcome(TransitionTable.Case candidate, List<TransitionTable.Case> table) {
        return switch (candidate.status()) {
            case 200 -> "200 " + candidate.action();
            case 401 -> "401 anonymous";
            case 403 -> candidate.caller().equals("reviewer-author") && table.stream().anyMatch(other ->
                    other.action().equals(candidate.action()) && other.state().equals(candidate.state())
                            && other.caller().equals("reviewer") && other.status() == 200)
                    ? "403 four-eyes" : "403 role";
            case 409 -> "409 state";
            default -> throw new IllegalArgumentException("no outcome kind for " + candidate);
        };
    }

    @Test
    void everyActionsSuccessAndEveryKindOfRefusalIsPlayedOverHttp() {
        List<TransitionTable.Case> table = TransitionTable.cases();
        Set<String> played = new HashSet<>();
        for (TransitionTable.Case chosen : cases()) {
            played.add(outcome(chosen, table));
        }
        Set<String> expected = new HashSet<>(Set.of("401 anonymous", "403 role", "403 four-eyes", "409 state"));
        TransitionTable.TARGET.keySet().forEach(action -> expected.add("200 " + action));
        assertEquals(expected, played);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyActionInEveryStateForEveryCaller(TransitionTable.Case expected) {
        String author = expected.caller().equals("reviewer-author") ? Api.EDITOR_REVIEWER : "editor";
        Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("matrix"));
        String id = articleIn(expected.state(), author, content);
        String stateBefore = Api.latest(id).path("state");
        assertEquals(expected.state(), stateBefore, "setting up " + expected);

        Response response = perform(expected.action(), expected.caller(), id, content);

        assertEquals(expected.status(), response.statusCode(), expected + ": " + response.asString());
        String stateAfter = Api.latest(id).path("state");
        if (expected.status() == 200) {
            assertEquals(TransitionTable.TARGET.get(expected.action()), stateAfter, expected.toString());
        } else {
            assertEquals("application/problem+json", response.contentType().split(";")[0]);
            if (outcome(expected, TransitionTable.cases()).equals("403 four-eyes")) {
                assertEquals("reviewerIsNotAnAuthor", response.path("rule"), expected + ": " + response.asString());
            }
            assertEquals(stateBefore, stateAfter, "a refused action changed the state: " + expected);
        }
    }

    private static String articleIn(String state, String author, Map<String, Object> content) {
        String id = Api.as(author).body(content).post(Api.ARTICLES).then().statusCode(201).extract().path("id");
        if (state.equals("DRAFT")) {
            return id;
        }
        Workflow.submit("editor", id).then().statusCode(200);
        switch (state) {
            case "CHANGES_REQUESTED" -> Workflow.requestChanges("reviewer", id, null, "Needs sources").then().statusCode(200);
            case "APPROVED" -> {
                Response latest = Api.latest(id);
                Object version = latest.path("version");
                Object hash = latest.path("contentHash");
                Workflow.approve("reviewer", id, version, hash, Instant.now().plus(1, ChronoUnit.DAYS).toString())
                        .then().statusCode(200);
            }
            case "PUBLISHED" -> Workflow.approve("reviewer", id).then().statusCode(200);
            case "RETRACTED" -> {
                Workflow.approve("reviewer", id).then().statusCode(200);
                Workflow.retract("reviewer", id, "Superseded").then().statusCode(200);
            }
            default -> {
            }
        }
        return id;
    }

    private static Response perform(String action, String caller, String id, Map<String, Object> content) {
        RequestSpecification request = caller.equals("anonymous")
                ? RestAssured.given().filter(ApiContract.answerOnly()).contentType(ContentType.JSON) // no token, on purpose
                : Api.as(caller.equals("reviewer-author") ? Api.EDITOR_REVIEWER : caller);
        Response latest = Api.latest(id);
        Object version = latest.path("version");
        Object hash = latest.path("contentHash");
        String etag = latest.header("ETag");
        String path = Api.ARTICLES + "/" + id;
        return switch (action) {
            case "save" -> request.header("If-Match", etag).body(Fixtures.edited(content, "Edited [@lee-2021].")).put(path);
            case "restore" -> request.header("If-Match", etag).body(Map.of("version", 1)).post(path + "/restore");
            case "submit" -> request.post(path + "/submit");
            case "withdraw" -> request.post(path + "/withdraw");
            case "request-changes" -> request.body(Map.of("version", version,
                    "comments", List.of(Map.of("sectionKey", "intro", "text", "Cite this.")))).post(path + "/request-changes");
            case "approve" -> request.body(Map.of("version", version, "contentHash", hash, "scope", "full",
                    "evidence", Workflow.allCurrent(latest))).post(path + "/approve");
            case "reconfirm" -> request.body(Map.of("version", version, "contentHash", hash,
                    "evidence", Workflow.allCurrent(latest))).post(path + "/reconfirm");
            case "retract" -> request.body(Map.of("reason", "Outdated advice")).post(path + "/retract");
            default -> throw new IllegalArgumentException(action);
        };
    }
}
