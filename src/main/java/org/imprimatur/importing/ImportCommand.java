package org.imprimatur.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.imprimatur.infrastructure.FieldError;
import org.imprimatur.infrastructure.JarCommand;
import org.imprimatur.security.Account;
import org.imprimatur.security.Actor;
import org.imprimatur.security.Role;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code java -jar quarkus-run.jar import FILE [--as USERNAME]}: the import of the API from a file
 * (docs/operations.md, "Importing a library"), as an admin account (the oldest enabled one unless
 * named), with a progress line; the exit code is 0 only when no line failed.
 */
@ApplicationScoped
public class ImportCommand implements JarCommand {

    private static final String USAGE = "usage: import FILE [--as ADMIN-USERNAME]";

    private final LibraryImport libraryImport;

    public ImportCommand(LibraryImport libraryImport) {
        this.libraryImport = libraryImport;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public int run(List<String> arguments) throws Exception {
        PrintStream out = System.out;
        if (arguments.size() != 1 && !(arguments.size() == 3 && arguments.get(1).equals("--as"))) {
            System.err.println(USAGE);
            return 2;
        }
        Path file = Path.of(arguments.get(0));
        if (!Files.isRegularFile(file)) {
            System.err.println("No file " + file);
            return 2;
        }
        Optional<String> username = arguments.size() == 3 ? Optional.of(arguments.get(2)) : Optional.empty();
        Optional<Actor> actor = QuarkusTransaction.requiringNew().call(() -> admin(username));
        if (actor.isEmpty()) {
            System.err.println(username.map(name -> "No enabled admin account " + name)
                    .orElse("No enabled admin account: create one (IMPRIMATUR_ADMIN_USERNAME) or name one with --as"));
            return 2;
        }
        long size = Files.size(file);
        long started = System.nanoTime();
        long[] lastPrinted = {0};
        ImportReport report;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            report = libraryImport.run(in, actor.get(), (articles, failed, bytesRead) -> {
                long now = System.nanoTime();
                if (now - lastPrinted[0] >= 1_000_000_000L) {
                    lastPrinted[0] = now;
                    out.print("\r" + new ImportProgress(articles, failed, bytesRead, size,
                            Duration.ofNanos(now - started)).line() + "   ");
                    out.flush();
                }
            });
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        out.println("\r" + new ImportProgress(report.imported() + report.unchanged(), report.failed(), size, size, took).line() + "   ");
        out.printf("%d imported (%d versions), %d unchanged, %d failed%n", report.imported(), report.versions(),
                report.unchanged(), report.failed());
        for (ImportReport.FailedLine failure : report.failures()) {
            System.err.println("line " + failure.line() + (failure.slug() == null ? "" : " (" + failure.slug() + ")") + ": "
                    + failure.errors().stream().map(ImportCommand::describe).collect(Collectors.joining("; ")));
        }
        if (report.unlistedFailures() > 0) {
            System.err.println("… and " + report.unlistedFailures() + " more failed lines");
        }
        return report.failed() == 0 ? 0 : 1;
    }

    private static String describe(FieldError error) {
        return error.field() + " " + error.message();
    }

    private static Optional<Actor> admin(Optional<String> username) {
        Optional<Account> account = username.isPresent() ? Account.findByUsername(username.get())
                : Account.<Account>find("disabled = false and externalIssuer is null order by createdAt").stream()
                        .filter(candidate -> Arrays.asList(candidate.roles).contains(Role.ADMIN.tokenName())).findFirst();
        return account.filter(found -> !found.disabled && Arrays.asList(found.roles).contains(Role.ADMIN.tokenName()))
                .map(found -> new Actor(found.id, found.username, found.displayName, found.credentials,
                        Arrays.stream(found.roles).map(Role::fromTokenName).flatMap(Optional::stream)
                                .collect(Collectors.toSet())));
    }
}
