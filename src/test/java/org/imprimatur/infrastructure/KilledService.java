package org.imprimatur.infrastructure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link EmbeddedDatabaseTest}: starts the embedded database, writes a row,
 * then halts without any shutdown hook, as a {@code kill -9} of the service would.
 */
public final class KilledService {

    private KilledService() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]));
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.ownerUsername(), database.ownerPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (note text)");
            statement.execute("INSERT INTO kept VALUES ('survived')");
        }
        Runtime.getRuntime().halt(9);
    }
}
