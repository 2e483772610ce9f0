package org.imprimatur.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.imprimatur.infrastructure.DatabaseSettings;
import org.imprimatur.infrastructure.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * Gives the tests a real PostgreSQL: the external one when QUARKUS_DATASOURCE_JDBC_URL is set
 * (QUARKUS_FLYWAY_USERNAME/_PASSWORD naming its owner), otherwise an embedded server in a throw-away
 * directory on a free port. Either way the service runs as a role that owns nothing.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;
    private java.nio.file.Path directory;

    @Override
    public Map<String, String> start() {
        if (DatabaseSettings.fromEnvironment().external()) {
            return Map.of();
        }
        try {
            directory = Files.createTempDirectory("imprimatur-test-db");
            // Test suites may trade durability for speed, and only by this explicit test-only property.
            database = EmbeddedDatabase.start(directory, Boolean.getBoolean("imprimatur.test.fast-commits")
                    ? EmbeddedDatabase.Commits.FAST_UNSAFE_FOR_TESTS : EmbeddedDatabase.Commits.DURABLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.serviceUsername(),
                "quarkus.datasource.password", database.servicePassword(),
                "quarkus.flyway.username", database.ownerUsername(),
                "quarkus.flyway.password", database.ownerPassword());
    }

    @Override
    public void stop() {
        if (database != null) {
            try {
                database.close();
                try (var paths = Files.walk(directory)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
