package org.imprimatur.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of the suite shares one real PostgreSQL (see {@link PostgresTestResource}). */
@QuarkusTestResource(PostgresTestResource.class)
public final class DatabaseForAllTests {

    private DatabaseForAllTests() {
    }
}
