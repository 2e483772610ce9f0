package org.imprimatur.studio;

import org.imprimatur.rules.WorkflowState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StudioTextTest {

    @Test
    void aFourEyesRefusalReadsAsASentence() {
        assertEquals("You wrote part of this change, so another reviewer must approve it.",
                StudioText.sentence("four-eyes rule: you wrote part of this change, so another reviewer must approve it"));
        assertEquals("A reason for the retraction is required.", StudioText.sentence("a reason for the retraction is required"));
        assertEquals("Already a sentence.", StudioText.sentence("Already a sentence."));
    }

    @Test
    void statesAndWaitingTimesInWords() {
        assertEquals("Changes requested", StudioText.state(WorkflowState.CHANGES_REQUESTED));
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        assertEquals("less than a minute", StudioText.waited(now.minusSeconds(30), now));
        assertEquals("1 minute", StudioText.waited(now.minus(Duration.ofSeconds(90)), now));
        assertEquals("5 hours", StudioText.waited(now.minus(Duration.ofMinutes(5 * 60 + 59)), now));
        assertEquals("3 days", StudioText.waited(now.minus(Duration.ofDays(3)), now));
    }
}
