package org.imprimatur.security;

import java.util.Set;
import java.util.UUID;

/** Who is acting: the account behind the request, as versions, reviews and audit events name it. */
public record Actor(UUID id, String username, String name, String credentials, Set<Role> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    /**
     * Whether the actor holds {@code role}: directly, or for the editor's role as an admin. No other
     * role stands in for a medical reviewer's: an admin is not a clinician (docs/workflow.md, "Who").
     */
    public boolean holds(Role role) {
        return roles.contains(role) || (role == Role.EDITOR && roles.contains(Role.ADMIN));
    }
}
