package org.imprimatur.infrastructure;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the service as a whole, beside its features' own. */
@ConfigMapping(prefix = "imprimatur")
public interface ServiceSettings {

    /**
     * Where the public reaches this service: the base of every absolute link it hands out, in
     * webhooks, e-mails and preview links, and the CloudEvents {@code source}.
     */
    @WithDefault("http://localhost:${quarkus.http.port:8080}")
    String publicUrl();

    /** Request bodies above it are refused with 413 (application.properties gives it to the HTTP layer too). */
    @WithDefault("2M")
    MemorySize maxBodySize();

    /**
     * The bound of a streamed body (NDJSON, the import's): read line by line as it arrives and never
     * held whole, so it is bounded by what an import may reasonably be, not by memory
     * (docs/operations.md, "Importing a library"). application.properties gives it to the HTTP layer.
     */
    @WithDefault("20G")
    MemorySize maxStreamedBodySize();

    /**
     * The language (a BCP 47 tag) a reviewer reads when their account names none
     * (docs/workflow.md, "Reviewer scope").
     */
    @WithDefault("en")
    String defaultLanguage();
}
