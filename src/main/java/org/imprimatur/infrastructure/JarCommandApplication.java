package org.imprimatur.infrastructure;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.List;

/** Runs the {@link JarCommand} the first argument names, once the application has started, and exits with its code. */
public class JarCommandApplication implements QuarkusApplication {

    /** The commands that run inside the application; ImprimaturMain starts it for them instead of the service. */
    static final List<String> NAMES = List.of("import");

    @Inject
    Instance<JarCommand> commands;

    @Override
    public int run(String... args) throws Exception {
        for (JarCommand command : commands) {
            if (command.name().equals(args[0])) {
                return command.run(Arrays.asList(args).subList(1, args.length));
            }
        }
        System.err.println("No command " + args[0]);
        return 2;
    }
}
