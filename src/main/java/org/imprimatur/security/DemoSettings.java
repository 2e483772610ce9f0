package org.imprimatur.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * Demo content: accounts for each role and one published article. On by default only on the
 * embedded database (ImprimaturMain sets {@code imprimatur.embedded} when it starts one), and
 * {@code IMPRIMATUR_DEMO_SEED=false} always turns it off.
 */
@ConfigMapping(prefix = "imprimatur.demo")
public interface DemoSettings {

    @WithDefault("${imprimatur.embedded:false}")
    boolean seed();

    /**
     * The demo accounts' password. Unset, they get the well-known one only while the service listens
     * on loopback alone; otherwise each gets a random password, printed once when it is created.
     */
    Optional<String> password();

    /** The well-known password of a service only this machine can reach. */
    @WithDefault("demo")
    String loopbackPassword();
}
