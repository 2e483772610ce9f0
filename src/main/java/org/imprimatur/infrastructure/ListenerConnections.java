package org.imprimatur.infrastructure;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The datasource's own settings, for the connections that LISTEN outside the pool. */
public class ListenerConnections {

    @Produces
    @Singleton
    ChannelListener.Connecting connecting(DatasourceSettings datasource) {
        return new ChannelListener.Connecting(datasource.jdbc().url(), datasource.username().orElse(null),
                datasource.password().orElse(null));
    }
}
