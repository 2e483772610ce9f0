package org.imprimatur.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.imprimatur.infrastructure.ChannelListener;
import org.imprimatur.workflow.PublicationHistory;
import org.jboss.logging.Logger;

/**
 * Keeps this replica's delivery cache in step with every other: LISTENs on a dedicated connection
 * for the slugs whose live version changed. While the connection is lost the cache serves what it
 * has, marked stale, for a bounded time; once it listens again it cannot know what it missed, so
 * it drops the whole cache before trusting it (docs/delivery.md).
 */
@ApplicationScoped
public class PublicationListener implements ChannelListener.Handler {

    private static final Logger LOG = Logger.getLogger(PublicationListener.class);
    /** How the listening session shows in pg_stat_activity. */
    public static final String APPLICATION_NAME = "imprimatur-publication-listener";

    private final DeliveryCache cache;
    private final ChannelListener listener;
    private boolean firstConnection = true;

    public PublicationListener(DeliveryCache cache, ChannelListener.Connecting connecting) {
        this.cache = cache;
        this.listener = new ChannelListener(connecting, PublicationHistory.CHANNEL, APPLICATION_NAME, this);
    }

    void start(@Observes StartupEvent event) {
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        listener.stop();
    }

    @Override
    public void listening() {
        cache.listening();
        if (!firstConnection) {
            LOG.info("Listening for publications again; dropped the delivery cache to reload what was missed");
        }
        firstConnection = false;
    }

    @Override
    public void notified(String slug) {
        cache.invalidate(slug);
    }

    @Override
    public void lost() {
        cache.lost();
    }
}
