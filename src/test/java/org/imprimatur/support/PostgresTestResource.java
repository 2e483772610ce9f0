package org.imprimatur.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.imprimatur.infrastructure.DatabaseSettings;
import org.imprimatur.infrastructure.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * Gives the tests a real PostgreSQL: the external one when QUARKUS_DATASOURCE_JDBC_URL is set,
 * otherwise an embedded server in a throw-away directory on a free port.
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
            database = EmbeddedDatabase.start(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password());
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
