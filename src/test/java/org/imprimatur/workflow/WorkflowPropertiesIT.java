package org.imprimatur.workflow;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.PackagedService;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random sequences of workflow actions by random staff on a few articles, against the packaged
 * service on a real PostgreSQL. After every step the promises of docs/workflow.md and docs/delivery.md must hold, in the
 * database and on every delivery endpoint.
 */
class WorkflowPropertiesIT {

    private static final List<String> ACTIONS = List.of("save", "restore", "submit", "withdraw", "request-changes",
            "approve", "approve-later", "reconfirm", "retract");
    private static final List<String> ACTORS = List.of("editor", "admin", "reviewer", "reviewer2");
    private static final int ARTICLES = 3;

    private static PackagedService services;
    private static String base;

    record Step(int article, String action, String actor) {
    }

    @BeforeContainer
    static void startService() throws Exception {
        services = PackagedService.onFreshDatabase();
        base = services.startInstance("properties");
    }

    @AfterContainer
    static void stopService() throws Exception {
        services.close();
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, ARTICLES - 1),
                Arbitraries.of(ACTIONS),
                Arbitraries.of(ACTORS)).as(Step::new);
        return step.list().ofMinSize(5).ofMaxSize(30);
    }

    @Property(tries = 12)
    void publishedContentIsAlwaysApprovedByAnotherReviewerAndNothingElseIsDelivered(@ForAll("steps") List<Step> steps)
            throws Exception {
        List<String> ids = new ArrayList<>();
        Map<String, Map<String, Object>> contents = new HashMap<>();
        for (int i = 0; i < ARTICLES; i++) {
            Map<String, Object> content = Fixtures.article(Fixtures.uniqueSlug("prop"));
            String marker = "qz" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            content.put("title", "Eczema and the gut " + marker);
            content.put("tags", List.of("eczema", marker));
            String author = i == 0 ? "admin" : "editor";
            String id = services.as(base, author).body(content).post("/api/v1/editorial/articles")
                    .then().statusCode(201).extract().path("id");
            ids.add(id);
            contents.put(id, content);
        }
        int counter = 0;
        for (Step step : steps) {
            String id = ids.get(step.article());
            Response response = perform(step, id, contents.get(id), counter++);
            assertTrue(response.statusCode() < 500, step + " answered " + response.statusCode() + ": " + response.asString());
            for (String articleId : ids) {
                checkInvariants(UUID.fromString(articleId));
            }
        }
    }

    private Response perform(Step step, String id, Map<String, Object> content, int counter) {
        String path = "/api/v1/editorial/articles/" + id;
        Response latest = services.as(base, "editor").get(path);
        Object version = latest.path("version");
        Object hash = latest.path("contentHash");
        String etag = latest.header("ETag");
        var request = services.as(base, step.actor());
        return switch (step.action()) {
            case "save" -> request.header("If-Match", etag)
                    .body(Fixtures.edited(content, "Edit " + counter + " [@lee-2021].")).put(path);
            case "restore" -> request.header("If-Match", etag).body(Map.of("version", 1)).post(path + "/restore");
            case "submit" -> request.post(path + "/submit");
            case "withdraw" -> request.post(path + "/withdraw");
            case "request-changes" -> request.body(Map.of("version", version,
                    "comments", List.of(Map.of("text", "Please check the dose.")))).post(path + "/request-changes");
            case "approve" -> request.body(Map.of("version", version, "contentHash", hash)).post(path + "/approve");
            case "approve-later" -> request.body(Map.of("version", version, "contentHash", hash,
                    "publishAt", Instant.now().plusMillis(700).toString())).post(path + "/approve");
            case "reconfirm" -> request.body(Map.of("version", version, "contentHash", hash)).post(path + "/reconfirm");
            case "retract" -> request.body(Map.of("reason", "Checked and withdrawn")).post(path + "/retract");
            default -> throw new IllegalArgumentException(step.action());
        };
    }

    private void checkInvariants(UUID articleId) throws SQLException {
        try (Connection connection = services.connect()) {
            // version numbers are 1..n without gaps
            long[] versions = longs(connection, "SELECT count(*), coalesce(max(version_no), 0) FROM article_versions WHERE article_id = ?", articleId);
            assertEquals(versions[0], versions[1], "version numbers have a gap");

            // at most one open publication, and it is the article's published version
            List<Integer> open = ints(connection,
                    "SELECT version_no FROM publications WHERE article_id = ? AND upper_inf(live)", articleId);
            assertTrue(open.size() <= 1, "two live versions: " + open);
            Integer publishedVersion = nullableInt(connection, "SELECT published_version FROM articles WHERE id = ?", articleId);
            assertEquals(open.isEmpty() ? null : open.get(0), publishedVersion);

            // every version that ever went live was approved, with its hash, by someone who wrote none of the change
            List<Integer> published = ints(connection,
                    "SELECT version_no FROM publications WHERE article_id = ? ORDER BY lower(live)", articleId);
            int previous = 0;
            for (int version : published) {
                Set<UUID> approvers = uuids(connection, """
                        SELECT r.reviewer_id FROM review_records r JOIN article_versions v
                          ON v.article_id = r.article_id AND v.version_no = r.version_no AND v.content_hash = r.content_hash
                        WHERE r.article_id = ? AND r.version_no = ? AND r.kind = 'APPROVAL'""", articleId, version);
                assertFalse(approvers.isEmpty(), "version " + version + " went live without an approval");
                Set<UUID> authors = uuids(connection, """
                        SELECT author_id FROM article_versions WHERE article_id = ? AND version_no > ? AND version_no <= ?""",
                        articleId, previous, version);
                assertTrue(approvers.stream().anyMatch(approver -> !authors.contains(approver)),
                        "version " + version + " was approved only by an author of the change");
                previous = version;
            }
        }

        Response audit = services.as(base, "editor").get("/api/v1/editorial/articles/" + articleId + "/audit");
        assertEquals(Boolean.TRUE, audit.path("chainValid"), "audit chain broken");

        // delivery shows exactly the live version, or nothing
        Response article = services.as(base, "editor").get("/api/v1/editorial/articles/" + articleId);
        String slug = article.path("slug");
        Integer live = article.path("publishedVersion");
        Response delivered = RestAssured.given().baseUri(base).get("/api/v1/articles/" + slug);
        Response atNow = RestAssured.given().baseUri(base).queryParam("at", Instant.now().toString()).get("/api/v1/articles/" + slug);
        String marker = article.<List<String>>path("tags").get(1);
        List<String> listedSlugs = RestAssured.given().baseUri(base).queryParam("tag", marker)
                .get("/api/v1/articles").path("items.slug");
        List<String> foundSlugs = RestAssured.given().baseUri(base).queryParam("q", marker)
                .get("/api/v1/articles").path("items.slug");
        if (live == null) {
            assertTrue(delivered.statusCode() == 404 || delivered.statusCode() == 410, "delivered without a live version");
            assertFalse(listedSlugs.contains(slug), "listed without a live version");
            assertFalse(foundSlugs.contains(slug), "found by search without a live version");
        } else {
            assertEquals(200, delivered.statusCode());
            assertEquals(live, delivered.<Integer>path("version"), "delivery shows another version than the live one");
            Response liveVersion = services.as(base, "editor").get("/api/v1/editorial/articles/" + articleId + "/versions/" + live);
            assertEquals(liveVersion.<String>path("sections[0].body"), delivered.<String>path("sections[0].body"));
            assertNotNull(delivered.path("review.lastReviewedOn"));
            assertEquals(List.of(slug), listedSlugs, "live article missing from the list by tag");
            assertEquals(List.of(slug), foundSlugs, "live article missing from search");
            if (atNow.statusCode() == 200) {
                assertEquals(live, atNow.<Integer>path("version"));
            }
        }
    }

    private static long[] longs(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }

    private static List<Integer> ints(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Integer> values = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getInt(1));
            }
        }
        return values;
    }

    private static Integer nullableInt(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
            rows.next();
            int value = rows.getInt(1);
            return rows.wasNull() ? null : value;
        }
    }

    private static Set<UUID> uuids(Connection connection, String sql, Object... parameters) throws SQLException {
        Set<UUID> values = new HashSet<>();
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getObject(1, UUID.class));
            }
        }
        return values;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
