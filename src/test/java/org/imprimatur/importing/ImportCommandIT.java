package org.imprimatur.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import org.imprimatur.support.Fixtures;
import org.imprimatur.support.RunningJar;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar quarkus-run.jar import FILE} on a fresh embedded database (docs/operations.md,
 * "Importing a library"): a good file exits 0 and its article is live when the service starts; a
 * file with a bad line exits 1, names the line, and still imports the good one.
 */
class ImportCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aGoodFileExitsZeroAndAFileWithABadLineExitsNonZero() throws Exception {
        Path data = Files.createTempDirectory("imprimatur-import").resolve("data");
        Map<String, String> environment = embedded(data);
        String live = Fixtures.uniqueSlug("command-live");
        String alsoLive = Fixtures.uniqueSlug("command-also");
        Path good = data.resolveSibling("good.ndjson");
        Files.writeString(good, JSON.writeValueAsString(published(live)) + "\n");
        Path bad = data.resolveSibling("bad.ndjson");
        Map<String, Object> untitled = Fixtures.article(Fixtures.uniqueSlug("command-bad"));
        untitled.remove("title");
        Files.writeString(bad, JSON.writeValueAsString(untitled) + "\n" + JSON.writeValueAsString(published(alsoLive)) + "\n");

        assertEquals(0, command(environment, "good", good), "the good file's import failed; see target/import-good.log");
        assertEquals(1, command(environment, "bad", bad), "see target/import-bad.log");
        String output = Files.readString(Path.of("target", "import-bad.log"));
        assertTrue(output.contains("1 imported (1 versions), 0 unchanged, 1 failed"), output);
        assertTrue(output.contains("line 1 (" + untitled.get("slug") + "): title is required"), output);

        try (RunningJar service = RunningJar.start("import-after", environment)) {
            for (String slug : List.of(live, alsoLive)) {
                RestAssured.given().baseUri(service.base()).get("/api/v1/articles/" + slug).then().statusCode(200)
                        .body("review.reviewedBy.name", equalTo("Dr B. Reviewer"));
            }
        }
    }

    private static Map<String, Object> published(String slug) {
        Map<String, Object> article = new LinkedHashMap<>(Fixtures.article(slug));
        article.put("publishedVersion", 1);
        article.put("approval", Map.of("reviewer", "Dr B. Reviewer", "approvedAt", "2025-03-05T12:00:00Z"));
        return article;
    }

    private static Map<String, String> embedded(Path data) {
        Map<String, String> environment = new HashMap<>();
        for (String external : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD")) {
            environment.put(external, null);
        }
        environment.put("IMPRIMATUR_DATA_DIR", data.toString());
        environment.put("IMPRIMATUR_DEMO_SEED", "false");
        environment.put("IMPRIMATUR_ADMIN_USERNAME", "importer");
        environment.put("IMPRIMATUR_ADMIN_PASSWORD", "an importer's long password");
        return environment;
    }

    private static int command(Map<String, String> environment, String name, Path file) throws Exception {
        return RunningJar.command("import-" + name, environment, Duration.ofSeconds(240), "import", file.toString());
    }
}
