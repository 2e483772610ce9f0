package org.imprimatur.article;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.imprimatur.infrastructure.PublicUrl;

import java.net.URI;
import java.util.Set;

/**
 * The one {@link ImageSources} of this service, shared by the save check and the renderer so that
 * what is accepted and what is shown cannot drift apart.
 */
@Singleton
public class ImageHosts {

    @Produces
    @Singleton
    ImageSources imageSources(PublicUrl publicUrl, ImageSettings settings) {
        return new ImageSources(URI.create(publicUrl.of("/api/v1/articles/")), settings.imageHosts().orElse(Set.of()));
    }
}
