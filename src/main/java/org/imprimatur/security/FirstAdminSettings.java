package org.imprimatur.security;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * The first admin account, created at start when both are set (IMPRIMATUR_ADMIN_USERNAME and
 * IMPRIMATUR_ADMIN_PASSWORD) and not there yet.
 */
@ConfigMapping(prefix = "imprimatur.admin")
public interface FirstAdminSettings {

    Optional<String> username();

    Optional<String> password();
}
