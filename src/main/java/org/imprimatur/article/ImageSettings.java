package org.imprimatur.article;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;
import java.util.Set;

/**
 * The delivery setting that saving needs too: which hosts article bodies may show images from.
 * It lives here, not in delivery's own settings, because the save check (this package, below
 * delivery) reads it as well.
 */
@ConfigMapping(prefix = "imprimatur.delivery")
public interface ImageSettings {

    /** Hosts from which article bodies may show images (https); none: only the service's own. */
    Optional<Set<String>> imageHosts();
}
