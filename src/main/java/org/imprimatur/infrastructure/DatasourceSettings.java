package org.imprimatur.infrastructure;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * The standard Quarkus datasource settings, read as the pool reads them, for the connections that
 * LISTEN outside the pool. No defaults here: Quarkus' own apply.
 */
@ConfigMapping(prefix = "quarkus.datasource")
public interface DatasourceSettings {

    Jdbc jdbc();

    Optional<String> username();

    Optional<String> password();

    interface Jdbc {
        String url();
    }
}
