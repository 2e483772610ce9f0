package org.imprimatur.integration;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/integration.md, "Target addresses", without a database. */
class TargetAddressesTest {

    @Test
    void everyNonPublicRangeIsRefused() throws Exception {
        for (String address : new String[]{"127.0.0.1", "127.9.9.9", "::1", "0.0.0.0", "10.0.0.1", "172.16.0.1",
                "172.31.255.255", "192.168.1.1", "169.254.169.254", "fe80::1", "fc00::1", "fd12:3456::1",
                "100.64.0.1", "100.127.255.254", "224.0.0.1", "255.255.255.255", "::ffff:127.0.0.1", "::ffff:10.0.0.1"}) {
            assertTrue(TargetAddresses.refusal(InetAddress.getByName(address)).isPresent(), address);
        }
    }

    @Test
    void publicAddressesPass() throws Exception {
        for (String address : new String[]{"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111"}) {
            assertTrue(TargetAddresses.refusal(InetAddress.getByName(address)).isEmpty(), address);
        }
    }

    /** Security finding 8: IPv6 forms that carry a non-public IPv4 address, which a gateway may deliver to. */
    @Test
    void ipv6FormsEmbeddingANonPublicIpv4AddressAreRefused() throws Exception {
        for (String address : new String[]{
                "64:ff9b::7f00:1", "64:ff9b::127.0.0.1", "64:ff9b::a00:1", "64:ff9b::a9fe:a9fe", "64:ff9b::c0a8:101",
                "64:ff9b:1::7f00:1", "64:ff9b:1::808:808", "64:ff9b:1:ffff::1",
                "2002:7f00:1::1", "2002:a00:1::", "2002:a9fe:a9fe::1", "2002:c0a8:101:1::1", "2002:6440:1::1",
                "::127.0.0.1", "::10.0.0.1", "::8.8.8.8", "::ffff:169.254.169.254",
                "2001:0:4136:e378:8000:63bf:80ff:fffe", "2001:0:a00:1:8000:63bf:f7f7:f7f7", "2001:0:4136:e378::f5ff:fffe"}) {
            assertTrue(TargetAddresses.refusal(v6(address)).isPresent(), address);
        }
        assertEquals("a NAT64 form of a loopback address", TargetAddresses.refusal(v6("64:ff9b::7f00:1")).orElseThrow());
        assertEquals("a 6to4 form of a link-local address", TargetAddresses.refusal(v6("2002:a9fe:a9fe::1")).orElseThrow());
        assertEquals("a Teredo address whose client is a loopback address",
                TargetAddresses.refusal(v6("2001:0:4136:e378:8000:63bf:80ff:fffe")).orElseThrow());
    }

    @Test
    void ipv6FormsEmbeddingAPublicIpv4AddressPass() throws Exception {
        for (String address : new String[]{"64:ff9b::808:808", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:f7f7:f7f7",
                "2001:4860:4860::8888"}) {
            assertTrue(TargetAddresses.refusal(v6(address)).isEmpty(), address);
        }
    }

    @Test
    void embeddedFormsAreRefusedAtRegistrationToo() {
        for (String url : new String[]{"http://[64:ff9b::7f00:1]/", "http://[2002:a9fe:a9fe::1]/", "http://[::ffff:7f00:1]/",
                "http://[::127.0.0.1]/"}) {
            assertTrue(TargetAddresses.refusedLiteral(URI.create(url)).isPresent(), url);
        }
    }

    /** Security finding 8: the request connects to the address that was checked, never to a second answer. */
    @Test
    void theHostIsResolvedOnceAndTheCheckedAddressIsTheOneToConnectTo() throws Exception {
        Rebinding resolver = new Rebinding("93.184.215.14", "127.0.0.1");
        TargetAddresses.Resolution resolution = TargetAddresses.resolve(URI.create("https://hooks.example.org/in"), resolver, false);
        assertEquals(new TargetAddresses.Resolution.Connect(InetAddress.getByName("93.184.215.14")), resolution);
        assertEquals(1, resolver.asked.get(), "one lookup per attempt");
        InetAddress address = ((TargetAddresses.Resolution.Connect) resolution).address();
        assertEquals("/93.184.215.14", address.toString(), "an address without a name, so nothing looks the name up again");
    }

    @Test
    void aNameWithAnyNonPublicAddressIsRefused() throws Exception {
        HostResolver mixed = new HostResolver() {
            @Override
            public List<InetAddress> resolve(String host) throws UnknownHostException {
                return List.of(InetAddress.getByName("93.184.215.14"), InetAddress.getByName("64:ff9b::a9fe:a9fe"));
            }
        };
        TargetAddresses.Resolution refused = TargetAddresses.resolve(URI.create("https://hooks.example.org/"), mixed, false);
        assertEquals(new TargetAddresses.Resolution.Refused(
                "hooks.example.org resolves to 64:ff9b:0:0:0:0:a9fe:a9fe, a NAT64 form of a link-local address"), refused);
    }

    /** Allowing private targets skips the check, not the pinning. */
    @Test
    void privateTargetsAllowedStillConnectToTheFirstAnswer() throws Exception {
        Rebinding resolver = new Rebinding("127.0.0.1", "10.9.9.9");
        assertEquals(new TargetAddresses.Resolution.Connect(InetAddress.getByName("127.0.0.1")),
                TargetAddresses.resolve(URI.create("http://hooks.test:8080/"), resolver, true));
        assertEquals(1, resolver.asked.get());
    }

    /** A DNS answer that changes after the first question. */
    static final class Rebinding extends HostResolver {
        final AtomicInteger asked = new AtomicInteger();
        private final String first;
        private final String later;

        Rebinding(String first, String later) {
            this.first = first;
            this.later = later;
        }

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            return List.of(InetAddress.getByName(asked.getAndIncrement() == 0 ? first : later));
        }
    }

    private static InetAddress v6(String address) throws UnknownHostException {
        // Built from bytes, so that Java does not turn ::ffff:a.b.c.d into an IPv4 address first.
        byte[] raw = InetAddress.getByName(address).getAddress();
        if (raw.length == 4) {
            raw = new byte[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, raw[0], raw[1], raw[2], raw[3]};
        }
        return java.net.Inet6Address.getByAddress(null, raw, null);
    }

    @Test
    void onlyAbsoluteHttpUrlsWithoutCredentialsAreUsable() {
        assertTrue(TargetAddresses.unusableUrl("https://hooks.example.org/imprimatur?x=1").isEmpty());
        assertTrue(TargetAddresses.unusableUrl("/relative").isPresent());
        assertTrue(TargetAddresses.unusableUrl("file:///etc/passwd").isPresent());
        assertTrue(TargetAddresses.unusableUrl("https://a:b@example.org/").isPresent());
        assertTrue(TargetAddresses.unusableUrl("https://example.org/#part").isPresent());
        assertTrue(TargetAddresses.unusableUrl("http://exa mple.org/").isPresent());
    }

    @Test
    void literalAddressesAreCheckedWithoutResolvingNames() {
        assertEquals("a loopback address", TargetAddresses.refusedLiteral(URI.create("http://127.0.0.1/")).orElseThrow());
        assertEquals("a private address", TargetAddresses.refusedLiteral(URI.create("http://[fd00::1]/")).orElseThrow());
        assertTrue(TargetAddresses.refusedLiteral(URI.create("http://localhost/")).isEmpty(), "names are checked when sending");
    }
}
