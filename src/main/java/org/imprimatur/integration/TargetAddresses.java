package org.imprimatur.integration;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may be sent (docs/integration.md, "Target addresses"): by default only to public
 * addresses, so that a webhook cannot be used to reach the service's own network. Checked when a
 * webhook is registered (addresses written as numbers) and again before every request, after the
 * name is resolved: a name's addresses can change after registration.
 */
public final class TargetAddresses {

    private TargetAddresses() {
    }

    /** Why the URL cannot be a webhook target at all, whatever its addresses; empty if it can. */
    public static Optional<String> unusableUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception malformed) {
            return Optional.of("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (uri.getFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        return Optional.empty();
    }

    /** Why a literal address in the URL is refused while private targets are not allowed. */
    public static Optional<String> refusedLiteral(URI uri) {
        String host = uri.getHost();
        if (host == null || !looksLikeAddress(host)) {
            return Optional.empty();
        }
        try {
            return refusal(InetAddress.getByName(stripBrackets(host)));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    /**
     * Resolves the host and refuses it if any of its addresses is not public. The JVM caches the
     * answer for a while, so the request that follows connects to an address checked here.
     */
    public static Optional<String> refusedAfterResolving(URI uri) throws UnknownHostException {
        for (InetAddress address : InetAddress.getAllByName(stripBrackets(uri.getHost()))) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return Optional.of(uri.getHost() + " resolves to " + address.getHostAddress() + ", " + refused.get());
            }
        }
        return Optional.empty();
    }

    static Optional<String> refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress() || isUniqueLocal(address) || isSharedOrReserved(address)) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (address instanceof Inet6Address v6 && isMappedV4(v6.getAddress())) {
            byte[] raw = v6.getAddress();
            try {
                return refusal(InetAddress.getByAddress(new byte[]{raw[12], raw[13], raw[14], raw[15]}));
            } catch (UnknownHostException impossible) {
                return Optional.of("an unusable address");
            }
        }
        return Optional.empty();
    }

    /** fc00::/7, IPv6's private range. */
    private static boolean isUniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8 and 240.0.0.0/4: never a public host. */
    private static boolean isSharedOrReserved(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        int first = address.getAddress()[0] & 0xff;
        int second = address.getAddress()[1] & 0xff;
        return (first == 100 && second >= 64 && second < 128) || first == 0 || first >= 240;
    }

    private static boolean isMappedV4(byte[] raw) {
        for (int i = 0; i < 10; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return (raw[10] & 0xff) == 0xff && (raw[11] & 0xff) == 0xff;
    }

    private static boolean looksLikeAddress(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
