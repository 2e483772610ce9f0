package org.imprimatur.infrastructure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/security.md, "Control characters": which characters a line and a text may hold, and how headers and logs get them. */
class ControlCharactersTest {

    /** One of each class the rule refuses: C0 (with the line breaks and tab), DEL, C1, separators, bidi controls. */
    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0000", "0007", "0009", "000A", "000B", "000C", "000D", "001B", "001F", "007F", "0080",
            "0085", "009B", "009F", "2028", "2029", "202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069"})
    void aLineRefusesEveryControlCharacterSeparatorAndBidiControl(String hex) {
        String value = "Eczema" + (char) Integer.parseInt(hex, 16) + "Reply-To: x@evil.example";
        Optional<String> problem = ControlCharacters.lineProblem(value);
        assertTrue(problem.isPresent(), "U+" + hex + " was accepted in a line");
        assertTrue(problem.get().contains("U+" + hex + " at character 7"), problem.get());
        List<FieldError> errors = new ArrayList<>();
        ControlCharacters.checkLine(errors, "sections[2].heading", value);
        assertEquals(List.of("sections[2].heading"), errors.stream().map(FieldError::field).toList());
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0000", "0001", "0007", "000B", "000C", "001B", "001F", "007F", "0080", "0085", "009F",
            "2028", "2029"})
    void aTextRefusesControlCharactersOtherThanTabsAndLineBreaks(String hex) {
        String value = "First line.\n" + (char) Integer.parseInt(hex, 16) + " second line.";
        Optional<String> problem = ControlCharacters.textProblem(value);
        assertTrue(problem.isPresent(), "U+" + hex + " was accepted in a text");
        assertTrue(problem.get().contains("U+" + hex + " at character 13"), problem.get());
    }

    @Test
    void aTextHoldsTabsLfAndCrlfButNoLoneCr() {
        assertEquals(Optional.empty(), ControlCharacters.textProblem("Causes:\n\t- heat\r\n\t- dry air\n"));
        assertTrue(ControlCharacters.textProblem("one\rtwo").isPresent(), "a lone CR was accepted");
        assertTrue(ControlCharacters.textProblem("ends with CR\r").isPresent(), "a trailing CR was accepted");
        assertTrue(ControlCharacters.textProblem("\r\r\n").isPresent(), "a CR before a CRLF was accepted");
    }

    @Test
    void aTextKeepsBidiControlsForRightToLeftPassages() {
        assertEquals(Optional.empty(), ControlCharacters.textProblem("Arabic: \u2067\u0627\u0644\u0623\u0643\u0632\u064a\u0645\u0627\u2069."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Eczéma", "Neurodermitis über Nacht", "Gwaith ŵyr", "Itchy skin 😣 and 👩🏽‍⚕️",
            "Ἔκζεμα", "湿疹", "Dr. Siân Öztürk, MD", "Tiếng Việt", "a\u00a0b", "left\u200eright"})
    void ordinaryUnicodeIsALineAndAText(String value) {
        assertEquals(Optional.empty(), ControlCharacters.lineProblem(value));
        assertEquals(Optional.empty(), ControlCharacters.textProblem(value));
    }

    @Test
    void nullIsNoProblem() {
        assertEquals(Optional.empty(), ControlCharacters.lineProblem(null));
        assertEquals(Optional.empty(), ControlCharacters.textProblem(null));
    }

    @Test
    void theCharacterIsCountedInCodePointsNotJavaChars() {
        assertTrue(ControlCharacters.lineProblem("😣😣\u0007").orElseThrow().contains("at character 3"));
    }

    @Test
    void aHeaderValueIsOneLineWithEachRunOfControlsOneSpace() {
        assertEquals("Waiting for medical review: Eczema Bcc: x@evil.example",
                ControlCharacters.forHeader("Waiting for medical review: Eczema\r\nBcc: x@evil.example"));
        assertEquals("a b c", ControlCharacters.forHeader("a\tb\u202e\u0085c"));
        assertEquals("Ecz\u00e9ma 😣", ControlCharacters.forHeader("Ecz\u00e9ma 😣"));
        assertEquals("", ControlCharacters.forHeader(null));
    }

    @Test
    void aLogValueIsEscapedOntoOneLine() {
        String escaped = ControlCharacters.forLog("bob\nINFO fake\r\t\u0007\u202e\\n ü");
        assertEquals("bob\\nINFO fake\\r\\t\\u0007\\u202E\\\\n ü", escaped);
        assertFalse(escaped.chars().anyMatch(c -> ControlCharacters.forbiddenInLine(c)), escaped);
        assertEquals("editor", ControlCharacters.forLog("editor"));
        assertEquals("null", ControlCharacters.forLog(null));
    }
}
