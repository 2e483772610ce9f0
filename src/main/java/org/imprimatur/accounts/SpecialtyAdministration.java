package org.imprimatur.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.imprimatur.infrastructure.ControlCharacters;
import org.imprimatur.infrastructure.NativeRows;
import org.imprimatur.infrastructure.ProblemException;
import org.imprimatur.infrastructure.Timestamps;
import org.imprimatur.security.Actor;
import org.imprimatur.security.Role;
import org.imprimatur.security.Specialty;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The admins' list of specialties (docs/workflow.md, "Reviewer scope"): every staff member reads it
 * (editors pick an article's specialty from it), admins add and delete. A specialty held by an
 * account or an article cannot be deleted; the database refuses that too.
 */
@ApplicationScoped
public class SpecialtyAdministration {

    private final EntityManager entityManager;
    private final Clock clock;

    public SpecialtyAdministration(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The body of an addition. */
    public record NewSpecialty(String name) {
    }

    /** A specialty with how many accounts review it and how many articles need it. */
    public record SpecialtyView(String name, Instant createdAt, long accounts, long articles) {
    }

    @Transactional
    public List<SpecialtyView> list() {
        return NativeRows.select(entityManager, """
                SELECT s.name, s.created_at AS createdAt,
                       (SELECT count(*) FROM accounts a WHERE s.name = ANY (a.specialties)) AS accounts,
                       (SELECT count(*) FROM articles r WHERE r.specialty = s.name) AS articles
                FROM specialties s ORDER BY s.name""", SpecialtyView.class).getResultList();
    }

    @Transactional
    public SpecialtyView add(NewSpecialty request, Actor actor) {
        requireAdmin(actor);
        String name = request == null || request.name() == null ? null : request.name().strip();
        if (!AccountRules.isSpecialtyName(name)) {
            throw ProblemException.invalid("name",
                    "must be 2 to 60 lower-case letters or digits in words joined by hyphens, such as dermatology or infectious-diseases");
        }
        if (Specialty.findById(name) != null) {
            throw ProblemException.conflict("The specialty " + name + " is already in the list.");
        }
        Specialty specialty = new Specialty();
        specialty.name = name;
        specialty.createdAt = Timestamps.now(clock);
        specialty.persist();
        return new SpecialtyView(specialty.name, specialty.createdAt, 0, 0);
    }

    @Transactional
    public void delete(String name, Actor actor) {
        requireAdmin(actor);
        SpecialtyView found = list().stream().filter(view -> view.name().equals(name)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("There is no specialty " + ControlCharacters.forLog(name) + "."));
        if (found.accounts() > 0 || found.articles() > 0) {
            throw inUse(name, found.accounts() + " account(s) and " + found.articles() + " article(s)");
        }
        try {
            // The database refuses it too, should an account or article have taken it up since (V26's trigger and key).
            entityManager.createNativeQuery("DELETE FROM specialties WHERE name = ?1").setParameter(1, name).executeUpdate();
        } catch (jakarta.persistence.PersistenceException takenUp) {
            throw inUse(name, "an account or an article that took it up just now");
        }
    }

    private static ProblemException inUse(String name, String users) {
        return ProblemException.conflict("The specialty " + name + " is in use by " + users + ": take it from them first.");
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.roles().contains(Role.ADMIN)) {
            throw ProblemException.forbidden("Only an admin may manage the specialties.");
        }
    }
}
