package org.imprimatur.infrastructure;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.imprimatur.support.RunningJar;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service started exactly as the README's run command starts it, on the embedded
 * database: durable commits, reachable from this machine only, and IMPRIMATUR_DEMO_SEED=false
 * honoured (docs/operations.md, docs/security.md).
 */
class SafeDefaultsIT {

    @Test
    void theRunCommandsDefaultsAreDurableLoopbackOnlyAndHonourDemoSeedOff() throws Exception {
        Path data = Files.createTempDirectory("imprimatur-defaults");
        Map<String, String> environment = new HashMap<>();
        for (String external : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD", "QUARKUS_HTTP_HOST")) {
            environment.put(external, null);
        }
        environment.put("IMPRIMATUR_DATA_DIR", data.toString());
        environment.put("IMPRIMATUR_DEMO_SEED", "false");
        environment.put("IMPRIMATUR_ADMIN_USERNAME", "first-admin");
        environment.put("IMPRIMATUR_ADMIN_PASSWORD", "a first admin's long password");
        try (RunningJar service = RunningJar.start("safe-defaults", environment)) {
            // The database the run command started commits like a stock PostgreSQL.
            try (Connection owner = ownerConnection(data); Statement statement = owner.createStatement()) {
                assertEquals("on", show(statement, "fsync"));
                assertEquals("on", show(statement, "synchronous_commit"));
                assertEquals("on", show(statement, "full_page_writes"));
                // IMPRIMATUR_DEMO_SEED=false: no demo account, no demo article; only the first admin.
                try (ResultSet rows = statement.executeQuery("SELECT string_agg(username, ',') FROM accounts")) {
                    rows.next();
                    assertEquals("first-admin", rows.getString(1));
                }
            }
            RestAssured.given().baseUri(service.base()).contentType(ContentType.JSON)
                    .body(Map.of("username", "admin", "password", "demo"))
                    .post("/api/v1/auth/token").then().statusCode(401);
            RestAssured.given().baseUri(service.base()).contentType(ContentType.JSON)
                    .body(Map.of("username", "first-admin", "password", "a first admin's long password"))
                    .post("/api/v1/auth/token").then().statusCode(200);
            RestAssured.given().baseUri(service.base()).get("/api/v1/articles").then().statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.equalTo(0));

            // It listens on loopback only.
            int port = URI.create(service.base()).getPort();
            String log = Files.readString(service.log());
            assertTrue(log.contains("Listening on: http://127.0.0.1:" + port), log);
            Optional<InetAddress> outward = nonLoopbackAddress();
            if (outward.isPresent()) {
                assertThrows(IOException.class, () -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(outward.get(), port), 2000);
                    }
                }, "the service answered on " + outward.get());
            }
        }
    }

    private static Connection ownerConnection(Path data) throws Exception {
        return EmbeddedDatabase.connectAsOwner(data, EmbeddedDatabase.runningPort(data).orElseThrow());
    }

    private static String show(Statement statement, String setting) throws Exception {
        try (ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        return NetworkInterface.networkInterfaces()
                .filter(networkInterface -> {
                    try {
                        return networkInterface.isUp() && !networkInterface.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }
}
