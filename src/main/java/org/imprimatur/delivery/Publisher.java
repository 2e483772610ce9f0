package org.imprimatur.delivery;

import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The publisher of every delivered article, read from {@link PublisherSettings} once at start: a
 * URL that is not absolute http or https stops the start, naming the setting, rather than reaching
 * readers' structured data.
 */
@Startup
@Singleton
public class Publisher {

    private final String name;
    private final String url;

    @Inject
    public Publisher(PublisherSettings settings) {
        this(settings.name(), settings.url());
    }

    Publisher(String name, Optional<String> url) {
        if (name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalStateException("imprimatur.publisher.name must be a name of 1–200 characters on one line");
        }
        this.name = name.strip();
        this.url = url.map(String::strip).filter(value -> !value.isEmpty()).map(Publisher::checkedUrl).orElse(null);
    }

    public String name() {
        return name;
    }

    /** The web site, or empty when none is configured. */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    static String checkedUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getRawUserInfo() == null) {
                return value;
            }
        } catch (URISyntaxException malformed) {
            // reported below with the rest
        }
        throw new IllegalStateException("imprimatur.publisher.url must be an absolute http or https URL such as "
                + "https://www.example.org/, not \"" + value + "\"");
    }
}
