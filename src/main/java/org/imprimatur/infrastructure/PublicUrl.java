package org.imprimatur.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;

/**
 * Where the public reaches this service ({@code IMPRIMATUR_PUBLIC_URL}): the base of every absolute
 * link the service hands out, in webhooks, e-mails and preview links.
 */
@ApplicationScoped
public class PublicUrl {

    private final String base;

    public PublicUrl(ServiceSettings settings) {
        String configured = settings.publicUrl();
        this.base = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    /** The absolute URL of a path of this service, e.g. {@code /api/v1/articles/eczema}. */
    public String of(String path) {
        return base + path;
    }

    public URI base() {
        return URI.create(base);
    }
}
