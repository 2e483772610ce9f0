package org.imprimatur.infrastructure;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A consistent logical backup of everything the service stores, taken while it runs, and its
 * restore into a database migrated to the same schema version (docs/operations.md, "Backup and
 * restore"). The backup is one zip: a manifest and every table as PostgreSQL COPY text, all read
 * in one repeatable-read snapshot, so it is a single instant of the database.
 */
public final class Backup {

    /** Every table with data, in an order that satisfies foreign keys on the way back in. */
    static final List<String> TABLES = List.of("accounts", "account_events", "signing_keys", "articles", "article_versions",
            "version_sections", "version_citations", "version_tags", "review_records", "review_comments",
            "publications", "audit_events", "audit_checkpoints", "published_articles", "change_feed", "outbox_events",
            "webhooks", "webhook_deliveries", "mail_deliveries", "preview_links", "service_keys");
    private static final String MANIFEST = "manifest.properties";

    private Backup() {
    }

    /** Writes the backup of the database behind {@code connection} (as its owner) to {@code file}. */
    public static void write(Connection connection, Path file) throws SQLException, IOException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
            Properties manifest = new Properties();
            manifest.setProperty("format", "1");
            manifest.setProperty("schemaVersion", schemaVersion(connection));
            manifest.setProperty("takenAt", snapshotTime(connection));
            for (String table : TABLES) {
                List<String> columns = storedColumns(connection, table);
                zip.putNextEntry(new ZipEntry(table + ".copy"));
                long rows = copy.copyOut("COPY (SELECT " + String.join(", ", columns) + " FROM " + table
                        + " ORDER BY 1) TO STDOUT", new NonClosing(zip));
                zip.closeEntry();
                manifest.setProperty(table + ".columns", String.join(",", columns));
                manifest.setProperty(table + ".rows", Long.toString(rows));
            }
            zip.putNextEntry(new ZipEntry(MANIFEST));
            manifest.store(zip, "Imprimatur backup");
            zip.closeEntry();
        } finally {
            connection.rollback();
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Replaces everything in the database behind {@code connection} (as its owner, a superuser on
     * the embedded default) with the backup, in one transaction. The database must already be
     * migrated to the backup's schema version. Triggers are set aside for the load only: the rows
     * are the ones they once accepted, and versions and audit events come back exactly as they were.
     */
    public static Map<String, Long> restore(Connection connection, Path file) throws SQLException, IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        if (!entries.containsKey(MANIFEST)) {
            throw new IOException(file + " is not an Imprimatur backup: it has no manifest");
        }
        Properties manifest = new Properties();
        manifest.load(new ByteArrayInputStream(entries.get(MANIFEST)));
        connection.setAutoCommit(false);
        String version = schemaVersion(connection);
        if (!version.equals(manifest.getProperty("schemaVersion"))) {
            throw new IOException("The backup is of schema version " + manifest.getProperty("schemaVersion")
                    + " but the database is at " + version + "; start this release once on the empty database first");
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Long> restored = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL session_replication_role = replica");
            // Failed sign-ins and studio sessions are not kept: after a restore everyone signs in again.
            statement.execute("TRUNCATE " + String.join(", ", TABLES) + ", sign_in_failures, studio_sessions");
            for (String table : TABLES) {
                long rows = copy.copyIn("COPY " + table + " (" + manifest.getProperty(table + ".columns") + ") FROM STDIN",
                        new ByteArrayInputStream(entries.get(table + ".copy")));
                if (rows != Long.parseLong(manifest.getProperty(table + ".rows"))) {
                    throw new IOException(table + ": the backup holds " + manifest.getProperty(table + ".rows")
                            + " rows but " + rows + " came back");
                }
                restored.put(table, rows);
            }
            // Identity columns continue after the restored rows.
            for (String table : List.of("account_events", "publications", "audit_events", "audit_checkpoints", "change_feed",
                    "outbox_events")) {
                statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
                        + "coalesce((SELECT max(id) FROM " + table + "), 0) + 1, false)");
            }
            connection.commit();
        } catch (SQLException | IOException failed) {
            connection.rollback();
            throw failed;
        }
        return restored;
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
                     ORDER BY installed_rank DESC LIMIT 1""")) {
            return rows.next() ? rows.getString(1) : "none";
        }
    }

    /** The instant of the snapshot, by the database's clock: when its transaction began. */
    private static String snapshotTime(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT now()")) {
            rows.next();
            return rows.getObject(1, java.time.OffsetDateTime.class).toInstant().toString();
        }
    }

    /** The columns a table stores (generated ones are computed again on the way in). */
    private static List<String> storedColumns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = ? AND is_generated = 'NEVER'
                ORDER BY ordinal_position""")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add('"' + rows.getString(1) + '"');
                }
            }
        }
        return columns;
    }

    /** The zip entry stays open when COPY is done with it. */
    private static final class NonClosing extends OutputStream {
        private final OutputStream target;

        NonClosing(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            target.write(bytes, offset, length);
        }

        @Override
        public void close() {
            // the zip entry is closed by the caller
        }
    }


}
