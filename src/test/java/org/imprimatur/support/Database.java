package org.imprimatur.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Plain JDBC for tests that check what PostgreSQL itself allows and holds. */
public final class Database {

    /** The SQLSTATE the migrations' triggers raise (ERRCODE integrity_constraint_violation). */
    public static final String INTEGRITY_CONSTRAINT_VIOLATION = "23000";
    public static final String INSUFFICIENT_PRIVILEGE = "42501";

    private Database() {
    }

    /**
     * Connections as the schema's owner (the role the migrations run as), for tests that must get
     * past the service role's privileges to reach the triggers behind them.
     */
    public static DataSource owner() {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        org.postgresql.ds.PGSimpleDataSource owner = new org.postgresql.ds.PGSimpleDataSource();
        owner.setURL(config.getValue("quarkus.datasource.jdbc.url", String.class));
        owner.setUser(config.getOptionalValue("quarkus.flyway.username", String.class)
                .orElse(config.getValue("quarkus.datasource.username", String.class)));
        owner.setPassword(config.getOptionalValue("quarkus.flyway.password", String.class)
                .or(() -> config.getOptionalValue("quarkus.datasource.password", String.class)).orElse(""));
        return owner;
    }

    public static long count(DataSource dataSource, String table) {
        return queryLong(dataSource, "SELECT count(*) FROM " + table);
    }

    public static long queryLong(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row as text, or null when there is no row. */
    public static String queryString(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A built-in editor account made for one test, with its own password; returns its username. */
    public static String temporaryEditor(DataSource dataSource, String password) {
        String username = "temp-" + System.nanoTime();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO accounts (id, username, display_name, password_hash, roles)
                     VALUES (gen_random_uuid(), ?, 'Temporary Editor', ?, '{editor}')""")) {
            insert.setString(1, username);
            insert.setString(2, io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(password));
            insert.executeUpdate();
            return username;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a statement and asserts that PostgreSQL refused it with exactly this SQLSTATE and this
     * message (the server's own text, without "ERROR:" or the context lines): a typo, a missing
     * grant or a renamed column is refused too, but with another state or message.
     */
    public static void assertRefused(DataSource dataSource, String sqlState, String message, String sql, Object... parameters) {
        SQLException refusal = refusalOf(dataSource, sql, parameters);
        org.junit.jupiter.api.Assertions.assertNotNull(refusal, "PostgreSQL accepted: " + sql);
        org.junit.jupiter.api.Assertions.assertEquals(sqlState + " " + message,
                refusal.getSQLState() + " " + serverMessage(refusal), sql);
    }

    /** An immutable table's trigger (refuse_change() in V4): 23000 "<table> rows are immutable: <op> refused". */
    public static void assertImmutable(DataSource dataSource, String table, String operation, String sql, Object... parameters) {
        assertRefused(dataSource, INTEGRITY_CONSTRAINT_VIOLATION, table + " rows are immutable: " + operation + " refused",
                sql, parameters);
    }

    /** The service role lacks the privilege: 42501 "permission denied for table <table>". */
    public static void assertPermissionDenied(DataSource dataSource, String table, String sql, Object... parameters) {
        assertRefused(dataSource, INSUFFICIENT_PRIVILEGE, "permission denied for table " + table, sql, parameters);
    }

    /** The primary message as the server sent it. */
    public static String serverMessage(SQLException refusal) {
        if (refusal instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
            return psql.getServerErrorMessage().getMessage();
        }
        return refusal.getMessage();
    }

    /** Runs a statement and returns the database's refusal, or null when it was accepted. */
    public static SQLException refusalOf(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
            return null;
        } catch (SQLException refused) {
            return refused;
        }
    }
}
