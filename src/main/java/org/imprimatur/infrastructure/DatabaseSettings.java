package org.imprimatur.infrastructure;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decides between an external PostgreSQL (the standard Quarkus variables) and the embedded one.
 * Start-up only: it runs before Quarkus and its configuration exist, so it reads the environment
 * and the system properties itself; the embedded database's folders come from
 * {@link EmbeddedDatabaseSettings}, mapped over the same two.
 */
public record DatabaseSettings(boolean external, Path embeddedDataDirectory) {

    public static final String JDBC_URL_VARIABLE = "QUARKUS_DATASOURCE_JDBC_URL";

    public static DatabaseSettings fromEnvironment() {
        return from(System.getenv(), System.getProperty("quarkus.datasource.jdbc.url"));
    }

    static DatabaseSettings from(Map<String, String> environment, String jdbcUrlProperty) {
        String jdbcUrl = jdbcUrlProperty != null ? jdbcUrlProperty : environment.get(JDBC_URL_VARIABLE);
        String dataDir = EmbeddedDatabaseSettings.from(environment).dataDir();
        return new DatabaseSettings(jdbcUrl != null && !jdbcUrl.isBlank(), Path.of(dataDir).toAbsolutePath());
    }

    public void ifEmbedded(Consumer<Path> startEmbedded) {
        if (!external) {
            startEmbedded.accept(embeddedDataDirectory);
        }
    }
}
