package org.imprimatur.integration;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may be sent (docs/integration.md, "Target addresses"): by default only to public
 * addresses, so that a webhook cannot be used to reach the service's own network. Checked when a
 * webhook is registered (addresses written as numbers) and again before every request, after the
 * name is resolved: a name's addresses can change after registration. The request then goes to the
 * address checked ({@link #resolve}).
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

    /** Where one attempt connects: an address of the host's answer, or why none may be used. */
    public sealed interface Resolution {
        /** Connect to {@code address}; the URL's host name still names the receiver (Host, TLS SNI, certificate). */
        record Connect(InetAddress address) implements Resolution {
        }

        record Refused(String reason) implements Resolution {
        }
    }

    /**
     * Resolves the host once and picks the address to connect to. Unless {@code allowPrivate}, the
     * host is refused if any of its addresses is not public. The caller connects to the picked
     * address and never lets its HTTP client resolve the name again: a second lookup could answer
     * something else (DNS rebinding).
     */
    public static Resolution resolve(URI uri, HostResolver resolver, boolean allowPrivate) throws UnknownHostException {
        String host = stripBrackets(uri.getHost());
        List<InetAddress> addresses = resolver.resolve(host);
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                Optional<String> refused = refusal(address);
                if (refused.isPresent()) {
                    return new Resolution.Refused(uri.getHost() + " resolves to " + address.getHostAddress()
                            + ", " + refused.get());
                }
            }
        }
        try {
            // Without the name, so that nothing downstream can take it for a name to look up.
            return new Resolution.Connect(InetAddress.getByAddress(addresses.get(0).getAddress()));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
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
        if (address instanceof Inet6Address v6) {
            return refusalOfEmbedded(v6.getAddress());
        }
        return Optional.empty();
    }

    /**
     * IPv6 forms that carry an IPv4 address, which a translator or relay on the way may deliver
     * to: the IPv4 address is judged as if written directly. Local-use NAT64 (64:ff9b:1::/48,
     * RFC 8215) and the deprecated IPv4-compatible ::/96 are never public, whatever they embed.
     */
    private static Optional<String> refusalOfEmbedded(byte[] raw) {
        if (isMappedV4(raw)) {
            return embeddedRefusal(raw, 12, false, "an IPv4-mapped form of ");
        }
        if (startsWith(raw, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) {
            return Optional.of("an IPv4-compatible address (deprecated, never public)");
        }
        if (startsWith(raw, 0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0)) {
            return embeddedRefusal(raw, 12, false, "a NAT64 form of ");
        }
        if (startsWith(raw, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
            return Optional.of("a local-use NAT64 address, not public");
        }
        if (startsWith(raw, 0x20, 0x02)) {
            return embeddedRefusal(raw, 2, false, "a 6to4 form of ");
        }
        if (startsWith(raw, 0x20, 0x01, 0x00, 0x00)) {
            // Teredo: the server's IPv4 address in bits 32-63, the client's inverted in the last 32.
            Optional<String> server = embeddedRefusal(raw, 4, false, "a Teredo address whose server is ");
            return server.isPresent() ? server : embeddedRefusal(raw, 12, true, "a Teredo address whose client is ");
        }
        return Optional.empty();
    }

    private static Optional<String> embeddedRefusal(byte[] raw, int at, boolean inverted, String form) {
        byte[] v4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            v4[i] = (byte) (inverted ? ~raw[at + i] : raw[at + i]);
        }
        try {
            return refusal(InetAddress.getByAddress(v4)).map(reason -> form + reason);
        } catch (UnknownHostException impossible) {
            return Optional.of("an unusable address");
        }
    }

    private static boolean startsWith(byte[] raw, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((raw[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
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
