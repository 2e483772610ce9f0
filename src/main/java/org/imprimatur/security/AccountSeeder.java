package org.imprimatur.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.imprimatur.infrastructure.Timestamps;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * First-start accounts. The embedded default gets the demo accounts; an external database gets
 * only the admin named by IMPRIMATUR_ADMIN_USERNAME and IMPRIMATUR_ADMIN_PASSWORD, if set.
 */
@ApplicationScoped
public class AccountSeeder {

    /** Quarkus' own HTTP host, to tell whether only this machine can reach the service; unset counts as every interface. */
    @ConfigMapping(prefix = "quarkus.http")
    public interface Listening {
        Optional<String> host();
    }

    private static final Logger LOG = Logger.getLogger(AccountSeeder.class);

    @Inject
    EntityManager entityManager;
    @Inject
    DemoSettings demo;
    @Inject
    Clock clock;
    @Inject
    Listening listening;
    @Inject
    FirstAdminSettings firstAdmin;

    @Transactional
    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (demo.seed()) {
            DemoPasswords passwords = new DemoPasswords(demo.password(), demo.loopbackPassword(), listensOnLoopbackOnly(listening.host().orElse("0.0.0.0")));
            ensure("editor", "Erin Editor", "", Set.of(Role.EDITOR), passwords);
            ensure("reviewer", "Dr. Rowan Reviewer", "MD, FAAD", Set.of(Role.MEDICAL_REVIEWER), passwords);
            ensure("reviewer2", "Dr. Sam Second", "MD, PhD", Set.of(Role.MEDICAL_REVIEWER), passwords);
            ensure("admin", "Ada Admin", "", Set.of(Role.ADMIN), passwords);
        }
        if (firstAdmin.username().isPresent() && firstAdmin.password().isPresent()) {
            String password = firstAdmin.password().get();
            String admin = firstAdmin.username().get();
            ensure(admin, admin, "", Set.of(Role.ADMIN), username -> password);
        }
    }

    static boolean listensOnLoopbackOnly(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException unresolvable) {
            return false;
        }
    }

    // Replicas starting together may both seed: ON CONFLICT lets the first one win quietly.
    private void ensure(String username, String name, String credentials, Set<Role> roles,
                        java.util.function.Function<String, String> passwordOf) {
        if (Account.findByUsername(username).isPresent()) {
            return;
        }
        String password = passwordOf.apply(username);
        int created = entityManager.createNativeQuery("""
                        INSERT INTO accounts (id, username, display_name, credentials, password_hash, roles, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, string_to_array(?6, ','), ?7) ON CONFLICT (username) DO NOTHING""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, username)
                .setParameter(3, name)
                .setParameter(4, credentials)
                .setParameter(5, BcryptUtil.bcryptHash(password))
                .setParameter(6, roles.stream().map(Role::tokenName).sorted().collect(Collectors.joining(",")))
                .setParameter(7, Timestamps.now(clock))
                .executeUpdate();
        if (created == 1 && passwordOf instanceof DemoPasswords demoPasswords && demoPasswords.generated()) {
            // Shown once: the service listens beyond this machine, so no well-known password is used.
            LOG.warnf("Created the demo account %s with the password %s (shown only now)", username, password);
        } else if (created == 1) {
            LOG.infof("Created the account %s", username);
        }
    }
}
