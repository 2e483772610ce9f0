package org.imprimatur.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imprimatur.workflow.PublicationHistory;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * Keeps this replica's delivery cache in step with every other: LISTENs on a dedicated connection
 * for the slugs whose live version changed. While the connection is lost the cache serves what it
 * has, marked stale, for a bounded time; once it listens again it cannot know what it missed, so
 * it drops the whole cache before trusting it (docs/delivery.md).
 */
@ApplicationScoped
public class PublicationListener {

    private static final Logger LOG = Logger.getLogger(PublicationListener.class);
    private static final int POLL_MILLIS = 500;
    private static final long PROBE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
    /** How the listening session shows in pg_stat_activity. */
    public static final String APPLICATION_NAME = "imprimatur-publication-listener";

    private final DeliveryCache cache;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    public PublicationListener(DeliveryCache cache,
                               @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                               @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                               @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cache = cache;
        this.jdbcUrl = jdbcUrl;
        this.username = username.orElse(null);
        this.password = password.orElse(null);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::listenUntilStopped, "publication-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        closeQuietly();
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listenUntilStopped() {
        boolean firstConnection = true;
        while (running) {
            try (Connection listening = DriverManager.getConnection(jdbcUrl, connectionProperties());
                 Statement statement = listening.createStatement()) {
                connection = listening;
                statement.execute("LISTEN " + PublicationHistory.CHANNEL);
                cache.listening();
                if (!firstConnection) {
                    LOG.info("Listening for publications again; dropped the delivery cache to reload what was missed");
                }
                firstConnection = false;
                PGConnection pg = listening.unwrap(PGConnection.class);
                long nextProbe = System.nanoTime() + PROBE_NANOS;
                while (running) {
                    if (System.nanoTime() > nextProbe) {
                        // A connection cut without a word (no RST) would otherwise look like a quiet one.
                        statement.execute("SELECT 1");
                        nextProbe = System.nanoTime() + PROBE_NANOS;
                    }
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            cache.invalidate(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException lost) {
                if (running) {
                    LOG.warnf("Publication listener lost its connection (%s); reconnecting", lost.getMessage());
                    cache.lost();
                    pause();
                }
            }
        }
    }

    private Properties connectionProperties() {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        // Seconds: a lost database is noticed within a few, not after TCP's own minutes.
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("loginTimeout", "2");
        properties.setProperty("socketTimeout", "3");
        return properties;
    }

    private void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly() {
        Connection current = connection;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException ignored) {
                // already gone
            }
        }
    }
}
