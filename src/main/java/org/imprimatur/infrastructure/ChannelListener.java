package org.imprimatur.infrastructure;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * LISTENs on one PostgreSQL channel on a connection of its own, in a thread of its own, and
 * reconnects when the connection is lost. The handler hears when listening starts (after every
 * reconnection: what was sent meanwhile is lost), each notification, and each loss.
 */
public final class ChannelListener {

    private static final Logger LOG = Logger.getLogger(ChannelListener.class);
    private static final int POLL_MILLIS = 500;
    private static final long PROBE_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** What a listener is told. */
    public interface Handler {
        void listening();

        void notified(String payload);

        void lost();
    }

    /** How to reach the database: the service's own datasource settings. */
    public record Connecting(String jdbcUrl, String username, String password) {
    }

    private final Connecting connecting;
    private final String channel;
    private final String applicationName;
    private final Handler handler;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    public ChannelListener(Connecting connecting, String channel, String applicationName, Handler handler) {
        this.connecting = connecting;
        this.channel = channel;
        this.applicationName = applicationName;
        this.handler = handler;
    }

    public void start() {
        running = true;
        thread = new Thread(this::listenUntilStopped, applicationName);
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        running = false;
        Connection current = connection;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException ignored) {
                // already gone
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listenUntilStopped() {
        while (running) {
            try (Connection listening = DriverManager.getConnection(connecting.jdbcUrl(), connectionProperties());
                 Statement statement = listening.createStatement()) {
                connection = listening;
                statement.execute("LISTEN " + channel);
                handler.listening();
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
                            handler.notified(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException lost) {
                if (running) {
                    LOG.warnf("%s lost its connection (%s); reconnecting", applicationName, lost.getMessage());
                    handler.lost();
                    pause();
                }
            }
        }
    }

    private Properties connectionProperties() {
        Properties properties = new Properties();
        if (connecting.username() != null) {
            properties.setProperty("user", connecting.username());
        }
        if (connecting.password() != null) {
            properties.setProperty("password", connecting.password());
        }
        properties.setProperty("ApplicationName", applicationName);
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
}
