package org.imprimatur.infrastructure;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SysPropConfigSource;
import io.smallrye.config.WithDefault;

import java.util.Map;

/**
 * Where the embedded PostgreSQL keeps its data and its binaries ({@code IMPRIMATUR_DATA_DIR},
 * {@code IMPRIMATUR_POSTGRES_BINARIES_DIR}). They are needed before Quarkus starts, since the
 * database must run before the datasource connects: {@link #beforeQuarkus()} maps this same
 * interface over the environment and the system properties alone, so the names and defaults live
 * here only. Inside the running service it is an ordinary mapping.
 */
@ConfigMapping(prefix = "imprimatur")
public interface EmbeddedDatabaseSettings {

    /** Data folder of the embedded PostgreSQL; a relative one is resolved against the working directory. */
    @WithDefault("data")
    String dataDir();

    /** Private folder (mode 0700) where the embedded PostgreSQL binaries are unpacked. */
    @WithDefault("${user.home}/.cache/imprimatur")
    String postgresBinariesDir();

    /** Start-up only, before Quarkus' own configuration exists. */
    static EmbeddedDatabaseSettings beforeQuarkus() {
        return from(System.getenv());
    }

    static EmbeddedDatabaseSettings from(Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new EnvConfigSource(environment, EnvConfigSource.ORDINAL), new SysPropConfigSource())
                .withMapping(EmbeddedDatabaseSettings.class)
                // Only these two are read here; the service's other imprimatur.* settings are not unknown.
                .withValidateUnknown(false)
                .build()
                .getConfigMapping(EmbeddedDatabaseSettings.class);
    }
}
