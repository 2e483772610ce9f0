package org.imprimatur.support;

import io.restassured.response.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The workflow calls as the tests make them. */
public final class Workflow {

    private Workflow() {
    }

    public static Response submit(String username, String id) {
        return Api.as(username).post(Api.ARTICLES + "/" + id + "/submit");
    }

    public static Response withdraw(String username, String id) {
        return Api.as(username).post(Api.ARTICLES + "/" + id + "/withdraw");
    }

    public static Response approve(String username, String id) {
        Response latest = Api.latest(id);
        Object version = latest.path("version");
        Object hash = latest.path("contentHash");
        return approve(username, id, version, hash, null);
    }

    /** A full review of the named version, confirming every source of the newest version as current. */
    public static Response approve(String username, String id, Object version, Object hash, String publishAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        body.put("contentHash", hash);
        body.put("scope", "full");
        body.put("evidence", allCurrent(Api.latest(id)));
        if (publishAt != null) {
            body.put("publishAt", publishAt);
        }
        return Api.as(username).body(body).post(Api.ARTICLES + "/" + id + "/approve");
    }

    /** An approval of the newest version with the scope, evidence or accepted findings of {@code review}, as given. */
    public static Response approveWith(String username, String id, Map<String, Object> review) {
        Response latest = Api.latest(id);
        Map<String, Object> body = new HashMap<>(review);
        body.put("version", latest.path("version"));
        body.put("contentHash", latest.path("contentHash"));
        return Api.as(username).body(body).post(Api.ARTICLES + "/" + id + "/approve");
    }

    public static Response reconfirm(String username, String id) {
        Response latest = Api.latest(id);
        Object version = latest.path("version");
        Object hash = latest.path("contentHash");
        return Api.as(username).body(Map.of("version", version, "contentHash", hash, "evidence", allCurrent(latest)))
                .post(Api.ARTICLES + "/" + id + "/reconfirm");
    }

    /** Every citation key of an article answer, confirmed as current: the evidence of a full review. */
    public static Map<String, String> allCurrent(Response article) {
        Map<String, String> evidence = new HashMap<>();
        List<String> keys = article.path("citations.key");
        keys.forEach(key -> evidence.put(key, "current"));
        return evidence;
    }

    public static Response requestChanges(String username, String id, String sectionKey, String text) {
        Map<String, Object> comment = new HashMap<>();
        comment.put("sectionKey", sectionKey);
        comment.put("text", text);
        Object version = Api.latest(id).path("version");
        return Api.as(username).body(Map.of("version", version, "comments", List.of(comment)))
                .post(Api.ARTICLES + "/" + id + "/request-changes");
    }

    public static Response retract(String username, String id, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        return Api.as(username).body(body).post(Api.ARTICLES + "/" + id + "/retract");
    }

    /** Creates, submits and approves an article; returns its id. */
    public static String published(Map<String, Object> content) {
        String id = Api.createdId(content);
        submit("editor", id).then().statusCode(200);
        approve("reviewer", id).then().statusCode(200);
        return id;
    }
}
