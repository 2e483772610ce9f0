package org.imprimatur.support;

import io.restassured.RestAssured;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged jar ({@code mvn package}) running as a process of its own, as the README runs it. */
public record RunningJar(Process process, String base, String management, Path log) implements AutoCloseable {

    /**
     * Starts the jar on a free port with {@code environment} added to this JVM's (a null value
     * removes a variable) and returns once it is ready; its output goes to target/{name}.log. From
     * then on every REST Assured call of the test is checked against the API description the jar
     * serves ({@link ApiContract}).
     */
    /**
     * The packaged jar as a process with {@code arguments} (none: the service; or a command such as
     * {@code backup FILE}), {@code environment} added to this JVM's (a null value removes a
     * variable), its output in {@code log}. Not started yet.
     */
    public static ProcessBuilder process(Path log, Map<String, String> environment, String... arguments) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("imprimatur.jar", "target/quarkus-app/quarkus-run.jar")));
        line.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
        environment.forEach((variable, value) -> {
            if (value == null) {
                builder.environment().remove(variable);
            } else {
                builder.environment().put(variable, value);
            }
        });
        return builder;
    }

    /** Runs one of the jar's commands to its end, within {@code timeout}, and answers its exit code. */
    public static int command(String logName, Map<String, String> environment, Duration timeout, String... arguments)
            throws IOException, InterruptedException {
        Process process = process(Path.of("target", logName + ".log"), environment, arguments).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", arguments) + " did not finish within " + timeout);
        }
        return process.exitValue();
    }

    public static RunningJar start(String name, Map<String, String> environment) throws IOException, InterruptedException {
        // The integration tests' calls are held to the description the jar serves, as the @QuarkusTests' are.
        ApiContract.install();
        int port = freePort();
        int managementPort = freePort();
        Path log = Path.of("target", name + ".log");
        ProcessBuilder builder = process(log, environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        Process process = builder.start();
        RunningJar running = new RunningJar(process, "http://127.0.0.1:" + port, "http://127.0.0.1:" + managementPort, log);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()   // not listening yet
                    .until(() -> !process.isAlive()
                            || RestAssured.given().baseUri(running.management).get("/q/health/ready").statusCode() == 200);
            if (process.isAlive()) {
                return running;
            }
        } catch (org.awaitility.core.ConditionTimeoutException notReady) {
            // closed and reported below
        }
        running.close();
        throw new IllegalStateException(name + " did not become ready; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the service as SIGTERM does and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

}
