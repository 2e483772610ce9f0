package org.imprimatur.security;

import java.util.Set;
import java.util.UUID;

/** Who is acting: the account behind the request, as versions, reviews and audit events name it. */
public record Actor(UUID id, String username, String name, String credentials, Set<Role> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    /** Whether the actor holds {@code role}, directly or as an admin. */
    public boolean holds(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }
}
