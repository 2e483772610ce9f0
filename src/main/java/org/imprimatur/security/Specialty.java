package org.imprimatur.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A medical specialty of the admins' list (docs/workflow.md, "Reviewer scope"): accounts review
 * some of them, an article may need one. Its name is slug-like and never changes.
 */
@Entity
@Table(name = "specialties")
public class Specialty extends PanacheEntityBase {

    /** The names the list accepts, as the table's CHECK does. */
    public static final Pattern NAME = Pattern.compile("^(?=.{2,60}$)[a-z0-9]+(-[a-z0-9]+)*$");

    @Id
    public String name;
    @Column(name = "created_at")
    public Instant createdAt;

    public static List<Specialty> all() {
        return list("order by name");
    }

    /** The names of {@code names} that are not in the list. */
    public static List<String> unknown(java.util.Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        Set<String> known = Set.copyOf(find("name in ?1", Set.copyOf(names)).<Specialty>list().stream()
                .map(specialty -> specialty.name).toList());
        return names.stream().filter(name -> !known.contains(name)).distinct().toList();
    }
}
