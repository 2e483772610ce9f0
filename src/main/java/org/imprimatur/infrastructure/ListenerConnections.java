package org.imprimatur.infrastructure;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** The datasource's own settings, for the connections that LISTEN outside the pool. */
public class ListenerConnections {

    @Produces
    @Singleton
    ChannelListener.Connecting connecting(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                                          @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                                          @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        return new ChannelListener.Connecting(jdbcUrl, username.orElse(null), password.orElse(null));
    }
}
