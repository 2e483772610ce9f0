package org.imprimatur.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Who publishes the articles, as the JSON-LD {@code publisher} names them (docs/delivery.md). */
@ConfigMapping(prefix = "imprimatur.publisher")
public interface PublisherSettings {

    /** The organization's name. */
    @WithDefault("Imprimatur")
    String name();

    /** The organization's web site, an absolute http or https URL; unset, the publisher has no url. */
    Optional<String> url();
}
