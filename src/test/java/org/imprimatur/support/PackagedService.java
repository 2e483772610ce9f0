package org.imprimatur.support;

import io.restassured.specification.RequestSpecification;
import org.imprimatur.infrastructure.EmbeddedDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged jar (built by {@code mvn package}) started as separate processes on one fresh
 * embedded PostgreSQL in a temp directory, the run command's default (the integration tests never
 * see QUARKUS_DATASOURCE_*: the failsafe plugin leaves it out). For integration tests that need
 * whole services, e.g. two replicas.
 */
public final class PackagedService implements AutoCloseable {

    private final EmbeddedDatabase embedded;
    private final String jdbcUrl;
    private final Login service;
    private final Login owner;
    private final List<RunningJar> instances = new ArrayList<>();

    /** A role and its password. */
    private record Login(String user, String password) {
    }

    private PackagedService(EmbeddedDatabase embedded, String jdbcUrl, Login service, Login owner) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.service = service;
        this.owner = owner;
    }

    public static PackagedService onFreshDatabase() throws IOException {
        EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory("imprimatur-it"),
                Boolean.getBoolean("imprimatur.test.fast-commits")
                        ? EmbeddedDatabase.Commits.FAST_UNSAFE_FOR_TESTS : EmbeddedDatabase.Commits.DURABLE);
        return new PackagedService(database, database.jdbcUrl(),
                new Login(database.serviceUsername(), database.servicePassword()),
                new Login(database.ownerUsername(), database.ownerPassword()));
    }

    /** Starts one more instance of the service and returns its base URL once it is ready. */
    public String startInstance(String name) throws IOException, InterruptedException {
        return startInstance(name, Map.of());
    }

    /** As above, with settings of its own. */
    public String startInstance(String name, Map<String, String> settings) throws IOException, InterruptedException {
        Map<String, String> environment = new java.util.HashMap<>(settings);
        return startJar(name, environment).base();
    }

    /** Starts one more instance and hands over its process, for tests that stop it themselves. */
    public RunningJar startJar(String name, Map<String, String> settings) throws IOException, InterruptedException {
        Map<String, String> environment = new java.util.HashMap<>(settings);
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        environment.put("QUARKUS_DATASOURCE_USERNAME", service.user());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", service.password());
        environment.put("QUARKUS_FLYWAY_USERNAME", owner.user());
        environment.put("QUARKUS_FLYWAY_PASSWORD", owner.password());
        environment.put("IMPRIMATUR_DEMO_SEED", "true");
        RunningJar instance = RunningJar.start(name, environment);
        instances.add(instance);
        return instance;
    }

    /** A request as one of the demo accounts, against one instance. */
    public RequestSpecification as(String base, String username) {
        return Api.as(base, username);
    }

    /** A connection as the schema's owner, for checks and faults a test injects behind the service's back. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, owner.user(), owner.password());
    }

    @Override
    public void close() throws Exception {
        for (RunningJar instance : instances) {
            instance.close();
        }
        embedded.close();
    }
}
