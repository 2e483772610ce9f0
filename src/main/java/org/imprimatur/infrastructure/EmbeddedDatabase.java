package org.imprimatur.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server started from the embedded binaries, keeping its data in a directory of
 * our choosing so that it survives restarts of the service.
 *
 * <p>It is set up like a production server, not like a throw-away test database (see
 * docs/operations.md): commits are durable, every connection needs a password, and two roles exist —
 * the owner, which runs the migrations, and the service role, which owns nothing and can only read
 * and write rows.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** Superuser and owner of the schema; only the migrations connect as it. */
    public static final String OWNER = "postgres";
    /** What the service connects as: no ownership, no superuser, row privileges only. */
    public static final String SERVICE_ROLE = "imprimatur_service";

    private static final Duration STALE_SERVER_STOP_TIMEOUT = Duration.ofSeconds(20);

    static {
        // The server's own start-up chatter would drown the service's log; warnings still show.
        java.util.logging.Logger.getLogger("io.zonky").setLevel(java.util.logging.Level.WARNING);
    }

    /** How commits reach the disk. */
    public enum Commits {
        /** fsync, synchronous commit and full-page writes on: an acknowledged commit survives a power cut. */
        DURABLE,
        /** The embedded library's own test settings (no fsync, asynchronous commit); for test suites only. */
        FAST_UNSAFE_FOR_TESTS
    }

    private final EmbeddedPostgres postgres;
    private final DatabaseCredentials credentials;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DatabaseCredentials credentials) {
        this.postgres = postgres;
        this.credentials = credentials;
    }

    /** Starts a durable PostgreSQL on a free loopback port with its data in {@code dataDirectory}. */
    public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        return start(dataDirectory, Commits.DURABLE);
    }

    public static EmbeddedDatabase start(Path dataDirectory, Commits commits) throws IOException {
        return start(dataDirectory, commits, 0);
    }

    /** As above, on {@code port}, or a free one when it is 0 (a restart on the same port is a database that came back). */
    public static EmbeddedDatabase start(Path dataDirectory, Commits commits, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        stopLeftoverServer(dataDirectory);
        Optional<DatabaseCredentials> stored = DatabaseCredentials.readFrom(dataDirectory);
        DatabaseCredentials credentials = stored.orElseGet(DatabaseCredentials::generate);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // The library's own hook would stop the server at the first moment of JVM shutdown,
                // while a graceful shutdown still finishes requests; the owner of this object stops it.
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(privateBinariesDirectory().toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", credentials.ownerPassword())
                .setDataDirectoryCustomizer(directory -> secure(directory.toPath(), credentials, stored.isEmpty()))
                .setPGStartupWait(Duration.ofSeconds(60));
        if (port != 0) {
            builder.setPort(port);
        }
        if (commits == Commits.DURABLE) {
            // The library passes -F and synchronous_commit=off, test-database settings; these win over both.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        return new EmbeddedDatabase(builder.start(), credentials);
    }

    public String jdbcUrl() {
        return jdbcUrl(postgres.getPort());
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** The port of a server running on {@code dataDirectory} (started by another process), if one runs. */
    static Optional<Integer> runningPort(Path dataDirectory) {
        return leftoverServerPid(dataDirectory).map(pid -> {
            try {
                // postmaster.pid's fourth line is the port.
                return Integer.parseInt(Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8)
                        .get(3).trim());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the running server's port in " + dataDirectory, e);
            }
        });
    }

    /** A connection as the owner, with the password kept in the data folder, to the server on {@code port}. */
    static java.sql.Connection connectAsOwner(Path dataDirectory, int port) throws java.sql.SQLException {
        DatabaseCredentials credentials = DatabaseCredentials.readFrom(dataDirectory)
                .orElseThrow(() -> new IllegalStateException("No embedded database credentials in " + dataDirectory));
        return java.sql.DriverManager.getConnection(jdbcUrl(port), OWNER, credentials.ownerPassword());
    }

    public String ownerUsername() {
        return OWNER;
    }

    public String ownerPassword() {
        return credentials.ownerPassword();
    }

    public String serviceUsername() {
        return SERVICE_ROLE;
    }

    public String servicePassword() {
        return credentials.servicePassword();
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * Runs with the server stopped, after initdb on a new folder. The library's initdb trusts every
     * local connection; before the server first listens, the roles get their passwords (in
     * single-user mode, so there is no moment without them) and pg_hba.conf demands them.
     */
    private static void secure(Path dataDirectory, DatabaseCredentials credentials, boolean firstSecureStart) {
        try {
            if (firstSecureStart) {
                runSingleUser(dataDirectory, List.of(
                        "ALTER ROLE " + OWNER + " PASSWORD '" + credentials.ownerPassword() + "'",
                        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + SERVICE_ROLE
                                + "') THEN CREATE ROLE " + SERVICE_ROLE + "; END IF; END $$",
                        "ALTER ROLE " + SERVICE_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
                                + " NOBYPASSRLS PASSWORD '" + credentials.servicePassword() + "'"));
                credentials.writeTo(dataDirectory);
            }
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                    # Written by Imprimatur at every start: every connection needs its role's password.
                    local all all scram-sha-256
                    host  all all 127.0.0.1/32 scram-sha-256
                    host  all all ::1/128 scram-sha-256
                    """, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not secure the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static void runSingleUser(Path dataDirectory, List<String> statements) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // As root, PostgreSQL runs in a user namespace, exactly as the library starts it.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(postgresBinary().toString(), "--single", "-D", dataDirectory.toString(), "postgres"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write((String.join("\n", statements) + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("ERROR:")) {
                throw new IOException("Setting the embedded PostgreSQL's roles failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while setting the embedded PostgreSQL's roles", e);
        }
    }

    /** The library unpacks into a folder named after the archive's digest; the newest unpacked one is ours. */
    private static Path postgresBinary() throws IOException {
        Path binaries = privateBinariesDirectory();
        try (Stream<Path> unpacked = Files.list(binaries)) {
            return unpacked.filter(folder -> Files.exists(folder.resolve(".exists")))
                    .map(folder -> folder.resolve("bin/postgres"))
                    .filter(Files::isExecutable)
                    .max(Comparator.comparing(EmbeddedDatabase::lastModified))
                    .orElseThrow(() -> new IOException("The PostgreSQL binaries were not unpacked in " + binaries));
        }
    }

    private static java.nio.file.attribute.FileTime lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The binaries are executed, so nobody else may write where they are unpacked. The library makes
     * its unpack folder writable for all; a parent only this user can enter keeps others out.
     */
    static Path privateBinariesDirectory() throws IOException {
        // Also called before Quarkus starts, hence the mapping over the environment alone.
        Path parent = Path.of(EmbeddedDatabaseSettings.beforeQuarkus().postgresBinariesDir());
        Files.createDirectories(parent);
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwx------"));
        Path binaries = parent.resolve("postgres");
        Files.createDirectories(binaries);
        return binaries;
    }

    /**
     * A service killed with SIGKILL leaves its postmaster running and holding the data directory;
     * the next start would fail on the lock file, so a server still running there is stopped first.
     */
    static void stopLeftoverServer(Path dataDirectory) {
        leftoverServerPid(dataDirectory).flatMap(ProcessHandle::of).ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(STALE_SERVER_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception timedOut) {
                process.destroyForcibly();
                process.onExit().join();
            }
        });
    }

    static Optional<Long> leftoverServerPid(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            // Only a live postgres process counts: a reused pid of another program is left alone.
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                    .map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }
}
