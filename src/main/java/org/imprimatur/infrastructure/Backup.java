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

    private static final String MIGRATION_HISTORY = "flyway_schema_history";

    /**
     * The tables left out on purpose, and why; every other table of the schema is backed up, read
     * from the catalogue at each run, so a table a migration adds is never silently left behind.
     */
    static final Map<String, String> NOT_BACKED_UP = Map.of(
            MIGRATION_HISTORY, "written by the release's own migrations: a backup goes back only into a database "
                    + "migrated to its schema version, and keeps that history",
            "sign_in_failures", "failed sign-ins only count for a while; after a restore nobody is locked out",
            "studio_sessions", "after a restore everyone signs in to the studio again");
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
            for (String table : backedUp(connection)) {
                List<String> columns = storedColumns(connection, table);
                zip.putNextEntry(new ZipEntry(table + ".copy"));
                long rows = copy.copyOut("COPY (SELECT " + String.join(", ", columns) + " FROM " + quoted(table)
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
        List<String> tables = backedUp(connection);
        java.util.Set<String> inBackup = new java.util.TreeSet<>();
        for (String key : manifest.stringPropertyNames()) {
            if (key.endsWith(".rows")) {
                inBackup.add(key.substring(0, key.length() - ".rows".length()));
            }
        }
        if (!inBackup.equals(new java.util.TreeSet<>(tables))) {
            throw new IOException("The backup holds the tables " + inBackup + " but the database has " + new java.util.TreeSet<>(tables));
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Long> restored = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL session_replication_role = replica");
            // Every table but the migration history, in one statement (so no foreign key is in the
            // way); what is not backed up (failed sign-ins, studio sessions) starts empty.
            List<String> emptied = new ArrayList<>(catalogue(connection));
            emptied.remove(MIGRATION_HISTORY);
            statement.execute("TRUNCATE " + String.join(", ", quoted(emptied)));
            for (String table : tables) {
                long rows = copy.copyIn("COPY " + quoted(table) + " (" + manifest.getProperty(table + ".columns") + ") FROM STDIN",
                        new ByteArrayInputStream(entries.get(table + ".copy")));
                if (rows != Long.parseLong(manifest.getProperty(table + ".rows"))) {
                    throw new IOException(table + ": the backup holds " + manifest.getProperty(table + ".rows")
                            + " rows but " + rows + " came back");
                }
                restored.put(table, rows);
            }
            // Identity and serial columns continue after the restored rows.
            for (String[] column : sequencedColumns(connection)) {
                if (restored.containsKey(column[0])) {
                    statement.execute("SELECT setval(pg_get_serial_sequence('" + quoted(column[0]).replace("'", "''") + "', '"
                            + column[1].replace("'", "''") + "'), coalesce((SELECT max(" + quoted(column[1]) + ") FROM "
                            + quoted(column[0]) + "), 0) + 1, false)");
                }
            }
            connection.commit();
        } catch (SQLException | IOException failed) {
            connection.rollback();
            throw failed;
        }
        return restored;
    }

    /** Every table that is backed up: the catalogue's, less {@link #NOT_BACKED_UP}, in {@link #catalogue} order. */
    static List<String> backedUp(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>(catalogue(connection));
        tables.removeAll(NOT_BACKED_UP.keySet());
        return tables;
    }

    /**
     * Every table of the schema, each after the tables its foreign keys reference (a topological
     * sort of pg_constraint, ties by name), so the COPYs would satisfy foreign keys even with them on.
     * Deferrable keys are checked only at commit and left out of the sort: an article's pointers to
     * its newest and live version (V3) and the versions' reference to their article form a cycle.
     */
    static List<String> catalogue(Connection connection) throws SQLException {
        Map<String, java.util.Set<String>> parents = new java.util.TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition""")) {
            while (rows.next()) {
                parents.put(rows.getString(1), new java.util.HashSet<>());
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT child.relname, parent.relname FROM pg_constraint k
                     JOIN pg_class child ON child.oid = k.conrelid
                     JOIN pg_class parent ON parent.oid = k.confrelid
                     JOIN pg_namespace n ON n.oid = child.relnamespace
                     WHERE k.contype = 'f' AND NOT k.condeferrable AND n.nspname = 'public'""")) {
            while (rows.next()) {
                String child = rows.getString(1);
                String parent = rows.getString(2);
                if (!child.equals(parent) && parents.containsKey(child) && parents.containsKey(parent)) {
                    parents.get(child).add(parent);
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < parents.size()) {
            String next = parents.entrySet().stream()
                    .filter(table -> !ordered.contains(table.getKey()) && ordered.containsAll(table.getValue()))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new SQLException("The foreign keys between " + parents.keySet() + " form a cycle"));
            ordered.add(next);
        }
        return ordered;
    }

    /** Each column (table, column) whose values come from a sequence: identity or serial. */
    private static List<String[]> sequencedColumns(Connection connection) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT c.relname, a.attname FROM pg_class c
                     JOIN pg_namespace n ON n.oid = c.relnamespace
                     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                       AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL
                     ORDER BY 1, 2""")) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        return columns;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static List<String> quoted(List<String> identifiers) {
        return identifiers.stream().map(Backup::quoted).toList();
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
