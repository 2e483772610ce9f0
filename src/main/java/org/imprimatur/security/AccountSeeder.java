package org.imprimatur.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imprimatur.infrastructure.Timestamps;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * First-start accounts. The embedded default gets the demo accounts; an external database gets
 * only the admin named by IMPRIMATUR_ADMIN_USERNAME and IMPRIMATUR_ADMIN_PASSWORD, if set.
 */
@ApplicationScoped
public class AccountSeeder {

    private static final Logger LOG = Logger.getLogger(AccountSeeder.class);

    @ConfigProperty(name = "imprimatur.demo.seed", defaultValue = "false")
    boolean seedDemo;
    @ConfigProperty(name = "imprimatur.demo.password", defaultValue = "demo")
    String demoPassword;
    @ConfigProperty(name = "imprimatur.admin.username")
    Optional<String> adminUsername;
    @ConfigProperty(name = "imprimatur.admin.password")
    Optional<String> adminPassword;

    @Transactional
    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (seedDemo) {
            ensure("editor", "Erin Editor", "", Set.of(Role.EDITOR), demoPassword);
            ensure("reviewer", "Dr. Rowan Reviewer", "MD, FAAD", Set.of(Role.MEDICAL_REVIEWER), demoPassword);
            ensure("reviewer2", "Dr. Sam Second", "MD, PhD", Set.of(Role.MEDICAL_REVIEWER), demoPassword);
            ensure("admin", "Ada Admin", "", Set.of(Role.ADMIN), demoPassword);
        }
        if (adminUsername.isPresent() && adminPassword.isPresent()) {
            ensure(adminUsername.get(), adminUsername.get(), "", Set.of(Role.ADMIN), adminPassword.get());
        }
    }

    private static void ensure(String username, String name, String credentials, Set<Role> roles, String password) {
        if (Account.findByUsername(username).isPresent()) {
            return;
        }
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.username = username;
        account.displayName = name;
        account.credentials = credentials;
        account.passwordHash = BcryptUtil.bcryptHash(password);
        account.roles = roles.stream().map(Role::tokenName).toArray(String[]::new);
        account.createdAt = Timestamps.now();
        account.persist();
        LOG.infof("Created the account %s", username);
    }
}
