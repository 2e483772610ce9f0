package org.imprimatur.integration;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;

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
