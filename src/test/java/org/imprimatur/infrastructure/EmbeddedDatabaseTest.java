package org.imprimatur.infrastructure;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded default keeps its data across restarts, also after the service was killed. */
class EmbeddedDatabaseTest {

    @Test
    void dataSurvivesARestart() throws Exception {
        Path dataDirectory = Files.createTempDirectory("imprimatur-restart");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDirectory)) {
            execute(first, "CREATE TABLE kept (note text)", "INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDirectory)) {
            assertEquals("still here", queryString(second, "SELECT note FROM kept"));
        }
    }

    @Test
    void aServerLeftRunningByAKilledServiceIsStoppedAndTheDataKept() throws Exception {
        Path dataDirectory = Files.createTempDirectory("imprimatur-killed");
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledService.class.getName(), dataDirectory.toString())
                .inheritIO().start();
        assertTrue(killed.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(9, killed.exitValue());
        assertTrue(EmbeddedDatabase.leftoverServerPid(dataDirectory).isPresent());

        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(dataDirectory)) {
            assertEquals("survived", queryString(restarted, "SELECT note FROM kept"));
        }
        assertFalse(EmbeddedDatabase.leftoverServerPid(dataDirectory).isPresent());
    }

    @Test
    void theStandardVariablesSelectAnExternalDatabase() {
        assertTrue(DatabaseSettings.from(java.util.Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/x"), null).external());
        DatabaseSettings embedded = DatabaseSettings.from(java.util.Map.of("IMPRIMATUR_DATA_DIR", "/srv/imprimatur"), null);
        assertFalse(embedded.external());
        assertEquals(Path.of("/srv/imprimatur"), embedded.embeddedDataDirectory());
        assertEquals(Path.of("data").toAbsolutePath(), DatabaseSettings.from(java.util.Map.of(), null).embeddedDataDirectory());
    }

    private static void execute(EmbeddedDatabase database, String... statements) throws Exception {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String queryString(EmbeddedDatabase database, String sql) throws Exception {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Connection connect(EmbeddedDatabase database) throws Exception {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
