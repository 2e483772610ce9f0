package org.imprimatur.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.imprimatur.infrastructure.DatabaseSettings;
import org.imprimatur.infrastructure.EmbeddedDatabase;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar (built by {@code mvn package}) started as separate processes on one PostgreSQL:
 * the external one when QUARKUS_DATASOURCE_* is set, otherwise an embedded one in a temp directory.
 * For integration tests that need whole services, e.g. two replicas.
 */
public final class PackagedService implements AutoCloseable {

    private final EmbeddedDatabase embedded;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private PackagedService(EmbeddedDatabase embedded, String jdbcUrl, String user, String password) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public static PackagedService onFreshDatabase() throws IOException {
        if (DatabaseSettings.fromEnvironment().external()) {
            return new PackagedService(null, System.getenv("QUARKUS_DATASOURCE_JDBC_URL"),
                    System.getenv("QUARKUS_DATASOURCE_USERNAME"), System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory("imprimatur-it"));
        return new PackagedService(database, database.jdbcUrl(), database.username(), database.password());
    }

    /** Starts one more instance of the service and returns its base URL once it is ready. */
    public String startInstance(String name) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String jar = System.getProperty("imprimatur.jar", "target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar)
                .redirectErrorStream(true)
                .redirectOutput(new File("target/" + name + ".log"));
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", user);
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", password == null ? "" : password);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("IMPRIMATUR_DEMO_SEED", "true");
        processes.add(builder.start());
        String base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (RestAssured.given().baseUri(base).get("/q/health/ready").statusCode() == 200) {
                    return base;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not become ready; see target/" + name + ".log");
    }

    /** A request as one of the demo accounts, against one instance. */
    public RequestSpecification as(String base, String username) {
        String token = tokens.computeIfAbsent(base + " " + username, key -> RestAssured.given().baseUri(base)
                .contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "demo"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token"));
        return RestAssured.given().baseUri(base).auth().oauth2(token).contentType(ContentType.JSON);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    @Override
    public void close() throws Exception {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
