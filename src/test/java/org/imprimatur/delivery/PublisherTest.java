package org.imprimatur.delivery;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The publisher's settings are checked when the service starts, not when a reader's JSON-LD is written. */
class PublisherTest {

    @Test
    void anAbsoluteWebAddressIsTheUrlAndNoneLeavesItOut() {
        assertEquals(Optional.of("https://www.skin-health.example/"),
                new Publisher("Skin Health Trust", Optional.of(" https://www.skin-health.example/ ")).url());
        assertEquals(Optional.of("http://intranet.example/health"),
                new Publisher("Skin Health Trust", Optional.of("http://intranet.example/health")).url());
        assertEquals(Optional.empty(), new Publisher("Imprimatur", Optional.empty()).url());
        assertEquals(Optional.empty(), new Publisher("Imprimatur", Optional.of("")).url());
    }

    @Test
    void anythingElseStopsTheStartNamingTheSetting() {
        for (String url : new String[]{"www.skin-health.example", "/about", "ftp://skin-health.example/",
                "javascript:alert(1)", "https://", "https://user@skin-health.example/", "https://skin health.example/"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> new Publisher("Skin Health Trust", Optional.of(url)), url);
            assertTrue(refused.getMessage().startsWith("imprimatur.publisher.url must be"), refused.getMessage());
        }
        IllegalStateException blank = assertThrows(IllegalStateException.class, () -> new Publisher(" ", Optional.empty()));
        assertTrue(blank.getMessage().startsWith("imprimatur.publisher.name"), blank.getMessage());
    }
}
