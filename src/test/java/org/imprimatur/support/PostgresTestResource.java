package org.imprimatur.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.imprimatur.infrastructure.DatabaseSettings;
import org.imprimatur.infrastructure.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Gives the tests a real PostgreSQL: the external one when QUARKUS_DATASOURCE_JDBC_URL is set
 * (QUARKUS_FLYWAY_USERNAME/_PASSWORD naming its owner), otherwise an embedded server in a throw-away
 * directory on a free port. Either way the service runs as a role that owns nothing.
 * <p>
 * The suite may run in parallel JVMs (pom.xml, {@code -Dimprimatur.test.forks=N}); each has a database
 * of its own, so that no test sees another's rows. On an external server that is a fresh database per
 * JVM, created next to the configured one by its owner.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;
    private java.nio.file.Path directory;

    @Override
    public Map<String, String> start() {
        if (DatabaseSettings.fromEnvironment().external()) {
            String fork = System.getProperty(FORK_PROPERTY);
            boolean forked = Integer.getInteger(FORKS_PROPERTY, 1) > 1 && fork != null;
            return forked ? Map.of("quarkus.datasource.jdbc.url", freshDatabaseFor(fork)) : Map.of();
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

    /** How many JVMs run the tests (pom.xml), and which one this is, numbered by surefire from 1. */
    static final String FORKS_PROPERTY = "imprimatur.test.forks";
    static final String FORK_PROPERTY = "imprimatur.test.fork";

    /** Creates (anew) the fork's database on the configured server and returns its JDBC URL. */
    private static String freshDatabaseFor(String fork) {
        String configured = System.getenv(DatabaseSettings.JDBC_URL_VARIABLE);
        String database = "imprimatur_test_fork_" + Integer.parseInt(fork);
        try (Connection owner = DriverManager.getConnection(configured, System.getenv("QUARKUS_FLYWAY_USERNAME"),
                System.getenv("QUARKUS_FLYWAY_PASSWORD")); Statement statement = owner.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + database + " beside " + configured, e);
        }
        return withDatabase(configured, database);
    }

    /** {@code jdbc:postgresql://host:port/name?options} with another name. */
    static String withDatabase(String jdbcUrl, String database) {
        int hostStart = jdbcUrl.indexOf("//") + 2;
        int nameStart = jdbcUrl.indexOf('/', hostStart);
        int options = jdbcUrl.indexOf('?');
        String tail = options < 0 ? "" : jdbcUrl.substring(options);
        String server = nameStart < 0 ? (options < 0 ? jdbcUrl : jdbcUrl.substring(0, options)) : jdbcUrl.substring(0, nameStart);
        return server + "/" + database + tail;
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
