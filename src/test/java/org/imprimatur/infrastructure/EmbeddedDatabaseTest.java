package org.imprimatur.infrastructure;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded default keeps its data across restarts, also after the service was killed; it
 * commits durably and lets nobody in without a password (docs/operations.md, docs/security.md).
 */
class EmbeddedDatabaseTest {

    @Test
    void commitsAreDurableUnlessATestAsksOtherwise() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory("imprimatur-durable"))) {
            assertEquals("on", queryString(database, "SHOW fsync"));
            assertEquals("on", queryString(database, "SHOW synchronous_commit"));
            assertEquals("on", queryString(database, "SHOW full_page_writes"));
        }
    }

    @Test
    void noConnectionWithoutTheRolesPassword() throws Exception {
        Path dataDirectory = Files.createTempDirectory("imprimatur-password");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory)) {
            for (String role : java.util.List.of(EmbeddedDatabase.OWNER, EmbeddedDatabase.SERVICE_ROLE)) {
                SQLException withoutPassword = assertThrows(SQLException.class,
                        () -> DriverManager.getConnection(database.jdbcUrl(), role, null).close());
                // The server asks for a SCRAM proof, which no one can give without the password.
                assertTrue(withoutPassword.getMessage().contains("requested SCRAM-based authentication"),
                        withoutPassword.getMessage());
                SQLException wrongPassword = assertThrows(SQLException.class,
                        () -> DriverManager.getConnection(database.jdbcUrl(), role, "postgres").close());
                assertEquals("28P01", wrongPassword.getSQLState(), wrongPassword.getMessage());
            }
            try (Connection service = DriverManager.getConnection(database.jdbcUrl(), database.serviceUsername(),
                    database.servicePassword()); Statement statement = service.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user")) {
                rows.next();
                assertFalse(rows.getBoolean(1), "the service role must hold no administrative attribute");
            }
            Path credentials = dataDirectory.resolve("imprimatur-credentials.properties");
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(credentials));
            assertEquals(PosixFilePermissions.fromString("rwx------"),
                    Files.getPosixFilePermissions(EmbeddedDatabase.privateBinariesDirectory().getParent()));
        }
    }

    @Test
    void aDataFolderWithoutItsCredentialsGetsNewPasswordsBeforeItListens() throws Exception {
        Path dataDirectory = Files.createTempDirectory("imprimatur-rekey");
        String oldPassword;
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDirectory)) {
            execute(first, "CREATE TABLE kept (note text)", "INSERT INTO kept VALUES ('kept')");
            oldPassword = first.ownerPassword();
        }
        Files.delete(dataDirectory.resolve("imprimatur-credentials.properties"));
        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDirectory)) {
            assertNotEquals(oldPassword, second.ownerPassword());
            assertEquals("kept", queryString(second, "SELECT note FROM kept"));
            assertThrows(SQLException.class, () -> DriverManager.getConnection(second.jdbcUrl(), EmbeddedDatabase.OWNER, oldPassword).close());
        }
    }

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
        return DriverManager.getConnection(database.jdbcUrl(), database.ownerUsername(), database.ownerPassword());
    }
}
