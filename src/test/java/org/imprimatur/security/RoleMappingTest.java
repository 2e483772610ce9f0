package org.imprimatur.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** docs/security.md: an external issuer's roles count only through the configured mapping. */
class RoleMappingTest {

    @Test
    void onlyMappedRolesCount() {
        Map<String, Role> mapping = TokenVerifier.roleMapping("cms-editors=editor, clinicians = medical-reviewer");
        assertEquals(List.of("editor", "medical-reviewer"),
                TokenVerifier.mappedRoles(List.of("offline_access", "cms-editors", "admin", "clinicians"), mapping));
        assertEquals(List.of("editor"), TokenVerifier.mappedRoles("cms-editors admin", mapping));
        assertEquals(List.of(), TokenVerifier.mappedRoles(List.of("admin", "editor"), mapping));
        assertEquals(List.of(), TokenVerifier.mappedRoles(List.of("cms-editors"), TokenVerifier.roleMapping("")));
    }

    @Test
    void aMappingToAnUnknownRoleStopsTheStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> TokenVerifier.roleMapping("cms-editors=superuser"));
        assertEquals(true, refused.getMessage().contains("cms-editors=superuser"));
        assertThrows(IllegalStateException.class, () -> TokenVerifier.roleMapping("just-a-name"));
    }
}
