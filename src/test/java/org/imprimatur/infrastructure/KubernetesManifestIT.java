package org.imprimatur.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests the build generates (docs/operations.md): probes on the management port,
 * the API port, resources, a grace period covering the shutdown, and the database only from a Secret.
 * (There is no cluster here; the manifests are read, as a reviewer would.)
 */
class KubernetesManifestIT {

    @Test
    void theDeploymentProbesServesAndTakesItsDatabaseFromASecret() throws Exception {
        JsonNode resources = new ObjectMapper().readTree(Path.of("target/kubernetes/kubernetes.json").toFile());
        JsonNode deployment = null;
        JsonNode service = null;
        for (JsonNode resource : resources) {
            if (resource.path("kind").asText().equals("Deployment")) {
                deployment = resource;
            } else if (resource.path("kind").asText().equals("Service")) {
                service = resource;
            }
        }
        assertTrue(deployment != null && service != null, "a Deployment and a Service are generated");
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);

        assertEquals(2, deployment.path("spec").path("replicas").asInt());
        assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
        assertEquals(9000, container.path("readinessProbe").path("httpGet").path("port").asInt());
        assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText());
        assertEquals(9000, container.path("livenessProbe").path("httpGet").path("port").asInt());
        Map<String, Integer> ports = new HashMap<>();
        container.path("ports").forEach(port -> ports.put(port.path("name").asText(), port.path("containerPort").asInt()));
        assertEquals(Map.of("http", 8080, "management", 9000), ports);
        assertEquals(8080, service.path("spec").path("ports").get(0).path("targetPort").asInt());

        assertFalse(container.path("resources").path("requests").path("memory").asText().isEmpty());
        assertFalse(container.path("resources").path("requests").path("cpu").asText().isEmpty());
        assertFalse(container.path("resources").path("limits").path("memory").asText().isEmpty());
        // SIGTERM → 3 s not ready + up to 20 s draining must fit before SIGKILL.
        assertTrue(pod.path("terminationGracePeriodSeconds").asInt() >= 23);

        Map<String, JsonNode> env = new HashMap<>();
        container.path("env").forEach(variable -> env.put(variable.path("name").asText(), variable));
        for (String fromSecret : new String[]{"QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD"}) {
            JsonNode reference = env.get(fromSecret).path("valueFrom").path("secretKeyRef");
            assertEquals("imprimatur-database", reference.path("name").asText(), fromSecret);
            assertFalse(env.get(fromSecret).has("value"), fromSecret + " must not be written in the manifest");
        }
        assertEquals("false", env.get("IMPRIMATUR_DEMO_SEED").path("value").asText());
        assertEquals("0.0.0.0", env.get("QUARKUS_MANAGEMENT_HOST").path("value").asText());
    }
}
