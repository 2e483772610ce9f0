package org.imprimatur.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where an image in a section body may come from (docs/content-model.md, "Images"): the site
 * itself (a path or its own https URL), or over https a host listed in {@code IMPRIMATUR_DELIVERY_IMAGE_HOSTS}. Every
 * reader's browser fetches every image, so an image from any other host is a tracking pixel.
 * <p>
 * The decision is taken on the parsed URL, resolved against the article's public address, never on
 * its text. Spellings that browsers read differently from {@link URI} (backslashes, tabs and line
 * breaks, which browsers drop or turn into slashes; protocol-relative {@code //host}; percent-encoded
 * or non-ASCII host names) are refused outright rather than interpreted. Used at save (refusal) and
 * by the renderer (defence for versions stored before this rule).
 */
public final class ImageSources {

    // A host name as browsers and URI read it alike: ASCII letters, digits, hyphens and dots.
    private static final Pattern HOST = Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$");
    // Stands in for the site when no public address is known (studio previews): it shows only paths.
    private static final URI NO_SITE = URI.create("https://site.invalid/");

    private final URI base;
    private final Set<String> remoteHosts;
    private final String ownHost;

    /**
     * @param base        the article's public address, against which relative sources resolve
     * @param remoteHosts hosts from which images may be shown over https (compared ignoring case)
     */
    public ImageSources(URI base, Collection<String> remoteHosts) {
        this.base = base;
        this.remoteHosts = remoteHosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        // The site's own absolute https URLs are its own images too; the placeholder has none.
        this.ownHost = base != NO_SITE && "https".equalsIgnoreCase(base.getScheme()) && base.getHost() != null
                ? base.getHost().toLowerCase(Locale.ROOT) : null;
    }

    /** Images from the site itself only (paths), no remote host. */
    public static ImageSources siteOnly() {
        return new ImageSources(NO_SITE, Set.of());
    }

    public boolean allows(String source) {
        return refusal(source).isEmpty();
    }

    /** Why an image may not be shown from {@code source}; empty when it may. */
    public Optional<String> refusal(String source) {
        if (source == null || source.isBlank()) {
            return Optional.of("has no address");
        }
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return Optional.of("must be plain ASCII without spaces, control characters or backslashes"
                        + " (percent-encode them)");
            }
        }
        if (source.startsWith("//")) {
            return Optional.of("must not be protocol-relative (//host); write https:// and an allowed host");
        }
        URI uri;
        try {
            uri = new URI(source);
        } catch (URISyntaxException malformed) {
            return Optional.of("is not a valid URL");
        }
        if (uri.isOpaque()) {
            return Optional.of("must be an https URL or a path on this site");
        }
        if (uri.getScheme() == null) {
            // A path: it can only resolve to the site itself, as it names no authority.
            return uri.getRawAuthority() == null && sameSite(base.resolve(uri))
                    ? Optional.empty() : Optional.of("must be an https URL or a path on this site");
        }
        URI resolved = base.resolve(uri).normalize();
        if (!"https".equals(resolved.getScheme().toLowerCase(Locale.ROOT))) {
            return Optional.of("must be an https URL or a path on this site");
        }
        if (resolved.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name");
        }
        String host = resolved.getHost() == null ? null : resolved.getHost().toLowerCase(Locale.ROOT);
        if (host == null || !HOST.matcher(host).matches()) {
            return Optional.of("must name its host in plain letters (https://host/…)");
        }
        if (!remoteHosts.contains(host) && !host.equals(ownHost)) {
            return Optional.of("host " + host + " is not an allowed image host (IMPRIMATUR_DELIVERY_IMAGE_HOSTS)");
        }
        return Optional.empty();
    }

    private boolean sameSite(URI resolved) {
        return resolved.getHost() != null && resolved.getHost().equalsIgnoreCase(base.getHost())
                && resolved.getPort() == base.getPort() && resolved.getRawUserInfo() == null;
    }
}
