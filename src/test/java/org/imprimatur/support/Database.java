package org.imprimatur.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Plain JDBC for tests that check what PostgreSQL itself allows and holds. */
public final class Database {

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
