package org.imprimatur.infrastructure;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar quarkus-run.jar backup FILE} and {@code … restore FILE}: the procedure of
 * docs/operations.md, "Backup and restore", on the embedded default (its data folder and role
 * passwords) or on the external database the standard variables name, connecting as the owner.
 */
final class BackupCommand {

    private BackupCommand() {
    }

    static boolean handles(String... args) {
        return args.length == 2 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Returns the process exit code. */
    static int run(String command, Path file) {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment();
        EmbeddedDatabase started = null;
        try {
            Connection connection;
            if (settings.external()) {
                connection = DriverManager.getConnection(System.getenv(DatabaseSettings.JDBC_URL_VARIABLE),
                        firstSet("QUARKUS_FLYWAY_USERNAME", "QUARKUS_DATASOURCE_USERNAME"),
                        firstSet("QUARKUS_FLYWAY_PASSWORD", "QUARKUS_DATASOURCE_PASSWORD"));
            } else {
                Path data = settings.embeddedDataDirectory();
                if (DatabaseCredentials.readFrom(data).isEmpty()) {
                    System.err.println("No embedded database in " + data + ": start the service once there first.");
                    return 2;
                }
                Optional<Integer> runningPort = EmbeddedDatabase.runningPort(data);
                if (runningPort.isEmpty()) {
                    started = EmbeddedDatabase.start(data);
                }
                connection = EmbeddedDatabase.connectAsOwner(data, runningPort.isPresent() ? runningPort.get() : started.port());
            }
            try (connection) {
                if (command.equals("backup")) {
                    Backup.write(connection, file);
                    System.out.println("Backed up to " + file);
                } else {
                    Map<String, Long> rows = Backup.restore(connection, file);
                    System.out.println("Restored " + file + ": " + rows);
                }
            }
            return 0;
        } catch (SQLException | IOException failed) {
            System.err.println(command + " failed: " + failed.getMessage());
            return 1;
        } catch (RuntimeException failed) {
            System.err.println(command + " failed:");
            failed.printStackTrace();
            return 1;
        } finally {
            if (started != null) {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // stopped with the JVM anyway
                }
            }
        }
    }

    // A command run instead of the service, without Quarkus: it reads the environment itself.
    private static String firstSet(String... variables) {
        for (String variable : variables) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
