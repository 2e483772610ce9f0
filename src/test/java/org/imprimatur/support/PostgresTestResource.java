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

    @Override
    public Map<String, String> start() {
        if (DatabaseSettings.fromEnvironment().external()) {
            return Map.of();
        }
        try {
            database = EmbeddedDatabase.start(Files.createTempDirectory("imprimatur-test-db"));
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
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
