package org.imprimatur.infrastructure;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The passwords of the embedded PostgreSQL's two roles, generated at the first start and kept in a
 * file only the service's user can read, inside the data folder they protect.
 */
record DatabaseCredentials(String ownerPassword, String servicePassword) {

    static final String FILE_NAME = "imprimatur-credentials.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    static DatabaseCredentials generate() {
        return new DatabaseCredentials(randomPassword(), randomPassword());
    }

    static Optional<DatabaseCredentials> readFrom(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return Optional.of(new DatabaseCredentials(properties.getProperty("owner.password"),
                properties.getProperty("service.password")));
    }

    /** Written to a 0600 file first and then moved into place, so no reader ever sees a partial or open file. */
    void writeTo(Path dataDirectory) throws IOException {
        Path temporary = dataDirectory.resolve(FILE_NAME + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Properties properties = new Properties();
        properties.setProperty("owner.user", EmbeddedDatabase.OWNER);
        properties.setProperty("owner.password", ownerPassword);
        properties.setProperty("service.user", EmbeddedDatabase.SERVICE_ROLE);
        properties.setProperty("service.password", servicePassword);
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "Passwords of the embedded PostgreSQL's roles; keep this file private");
        }
        Files.move(temporary, dataDirectory.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
    }

    // Letters and digits only: the passwords are spliced into SQL and properties files.
    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', 'x').replace('_', 'y');
    }
}
