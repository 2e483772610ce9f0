package org.imprimatur.delivery;

import org.imprimatur.delivery.LiveHeaders.Representation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Which representation an Accept header asks for. */
class LiveHeadersTest {

    @ParameterizedTest(name = "[{0}] -> JSON-LD {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null | false",
            "*/* | false",
            "application/json | false",
            "application/ld+json | true",
            "application/ld+json, application/json | true",
            "application/json, application/ld+json;q=0.5 | false",
            "application/ld+json;q=0.9, application/json;q=0.8 | true",
            "application/ld+json;q=0, */* | false",
            "APPLICATION/LD+JSON | true",
            "application/ld+json;profile=\"https://schema.org\" | true",
            "application/*;q=0.2, application/ld+json | true",
            "application/ld+json;q=0.4, application/* | false",
            "text/html, application/ld+json;q=0.9 | true",
            "application/ld+json;q=bogus | true"})
    void choosesTheRepresentationTheClientValuesMost(String accept, boolean jsonLd) {
        assertEquals(jsonLd, LiveHeaders.negotiate(accept) == Representation.JSON_LD);
        assertNotEquals(Representation.NEITHER, LiveHeaders.negotiate(accept));
    }

    @ParameterizedTest(name = "[{0}] accepts neither: {1}")
    @CsvSource(delimiter = '|', value = {
            "text/html | true",
            "image/png, text/* | true",
            "application/json;q=0, application/ld+json;q=0 | true",
            "application/* | false",
            "text/html, */*;q=0.1 | false",
            "application/json;q=0, application/ld+json | false"})
    void notesWhenNeitherRepresentationIsAcceptable(String accept, boolean neither) {
        assertEquals(neither, LiveHeaders.negotiate(accept) == Representation.NEITHER);
    }
}
