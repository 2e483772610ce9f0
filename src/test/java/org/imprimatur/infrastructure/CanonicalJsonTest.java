package org.imprimatur.infrastructure;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CanonicalJsonTest {

    @Test
    void keysAreSortedNullsDroppedAndNoWhitespaceWritten() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("zeta", 1);
        value.put("alpha", List.of("b", "a"));
        value.put("missing", null);
        value.put("nested", Map.of("y", true, "x", "text"));
        assertEquals("{\"alpha\":[\"b\",\"a\"],\"nested\":{\"x\":\"text\",\"y\":true},\"zeta\":1}",
                CanonicalJson.serialize(value));
    }

    @Test
    void unicodeIsNormalizedSoEquivalentTextHashesEqually() {
        String composed = "Ekzem \u00e4";       // ä as one code point
        String decomposed = "Ekzem a\u0308";    // a + combining diaeresis
        assertEquals(CanonicalJson.sha256Hex(Map.of("t", composed)), CanonicalJson.sha256Hex(Map.of("t", decomposed)));
    }

    @Test
    void theHashIsAFixedFunctionOfTheContent() {
        // Pinned to sha256sum of the canonical text: a change to the canonical form would change
        // every stored contentHash, on every JVM.
        assertEquals("913afedaacc9a458ffedf08e340bed758ede2c3fbe5b3d4b3182c8af73c2a537", CanonicalJson.sha256Hex(Map.of("title", "Eczema")));
    }
}
