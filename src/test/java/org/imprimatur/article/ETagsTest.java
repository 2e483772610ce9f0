package org.imprimatur.article;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The entity tag of a version, written by {@link ETags#of} and read back by {@link ETags#version}. */
class ETagsTest {

    private static final String HASH = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void aTagNamesTheVersionItWasWrittenFor() {
        assertEquals("\"v3-0123456789abcdef\"", ETags.of(3, HASH));
        assertEquals(Optional.of(3), ETags.version(ETags.of(3, HASH)));
        assertEquals(Optional.of(123456789), ETags.version(ETags.of(123456789, HASH)));
    }

    @Test
    void blanksAroundATagAreIgnored() {
        assertEquals(Optional.of(12), ETags.version("  " + ETags.of(12, HASH) + "\n"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "v3-0123456789abcdef", "W/\"v3-0123456789abcdef\"", "\"v3-0123456789abcdef\", \"v4-0123456789abcdef\"",
            "\"v3-0123456789ABCDEF\"", "\"v3-0123456789abcde\"", "\"v3-0123456789abcdef0\"", "\"v-0123456789abcdef\"",
            "\"vx-0123456789abcdef\"", "\"v1234567890-0123456789abcdef\"", "\"3-0123456789abcdef\"", "*"})
    void anythingElseNamesNoVersion(String notATagOfAVersion) {
        assertTrue(ETags.version(notATagOfAVersion).isEmpty(), () -> "read a version from " + notATagOfAVersion);
    }
}
