package org.imprimatur.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A staff account: built-in with a bcrypt password, or recorded from an external OIDC issuer. */
@Entity
@Table(name = "accounts")
public class Account extends PanacheEntityBase {

    @Id
    public UUID id;
    public String username;
    @Column(name = "display_name")
    public String displayName;
    public String credentials;
    public String email;
    @Column(name = "password_hash")
    public String passwordHash;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] roles;
    @Column(name = "external_issuer")
    public String externalIssuer;
    /** The external issuer's {@code sub}: with the issuer, what identifies an external account. */
    @Column(name = "external_subject")
    public String externalSubject;
    @Column(name = "created_at")
    public Instant createdAt;
    /** A disabled account cannot sign in and its tokens are refused. */
    public boolean disabled;
    /**
     * The last password change or reset, disabling or role removal: tokens issued before it are
     * refused and studio sessions started before it end (docs/security.md). Null if never.
     */
    @Column(name = "credentials_changed_at")
    public Instant credentialsChangedAt;
    /** The specialties the account reviews, names from the admins' list (docs/workflow.md, "Reviewer scope"). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] specialties = new String[0];
    /** The languages the account reads, BCP 47 tags; none stored: the service's default language. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] languages = new String[0];

    public static Optional<Account> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static Optional<Account> findExternal(String issuer, String subject) {
        return find("externalIssuer = ?1 and externalSubject = ?2", issuer, subject).firstResultOptional();
    }

    public Set<Role> roleSet() {
        return Arrays.stream(roles).map(Role::fromTokenName).flatMap(Optional::stream).collect(Collectors.toSet());
    }

    public Actor toActor() {
        return new Actor(id, username, displayName, credentials, roleSet());
    }
}
