package org.imprimatur.infrastructure;

import java.util.List;

/**
 * A command of the packaged jar that runs inside the service's application, with its database and
 * beans, and ends with an exit code: {@code java -jar quarkus-run.jar NAME ARGUMENTS…}
 * ({@link ImprimaturMain}). The feature that offers one implements it as a bean.
 */
public interface JarCommand {

    /** The first argument that selects it. */
    String name();

    /** Runs it with the arguments after its name; returns the process exit code. */
    int run(List<String> arguments) throws Exception;
}
