package org.imprimatur.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/security.md, "Control characters": a username is logged as typed, escaped onto one line. */
@QuarkusTest
class SignInLogTest {

    @Test
    void aFailedSignInLogsTheTypedUsernameEscaped() {
        String marker = "bob" + System.nanoTime();
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String line = record instanceof ExtLogRecord extended ? extended.getFormattedMessage() : record.getMessage();
                if (line != null && line.contains(marker)) {
                    lines.add(line);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(SignInThrottle.class.getName());
        logger.addHandler(capture);
        try {
            RestAssured.given().contentType(ContentType.JSON)
                    .body(Map.of("username", marker + "\nINFO  [org.imprimatur.security] fake\u001B[2K", "password", "guess"))
                    .post("/api/v1/auth/token").then().statusCode(401);
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(1, lines.size(), lines.toString());
        String line = lines.get(0);
        assertTrue(line.contains(marker + "\\nINFO  [org.imprimatur.security] fake\\u001B[2K from "), line);
        assertFalse(line.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0x1B), line);
    }
}
