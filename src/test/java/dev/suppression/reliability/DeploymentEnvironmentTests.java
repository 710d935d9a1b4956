package dev.suppression.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The service started as a deployment starts it: the datasource and the first admin key from the environment
 * variables the README, docker-compose.yml and the Dockerfile name, nothing on the command line.
 */
class DeploymentEnvironmentTests {

    @Test
    void theDocumentedAdminKeyVariableAloneLetsTheFirstAdminIn() throws Exception {
        try (var database = PostgresServer.startFresh("deployment-environment");
             var service = ServiceProcess.startFromEnvironment("deployment-environment", database)) {

            var keys = service.http().get("/api-keys");

            assertThat(keys.status()).as(service.logTail()).isEqualTo(200);
            assertThat(keys.json().get("items").get(0).get("name").stringValue()).isEqualTo("bootstrap-admin");
            assertThat(service.logText()).contains("Stored the configured bootstrap admin key")
                    .doesNotContain("SUPPRESSION_BOOTSTRAP_ADMIN_KEY is not set");
        }
    }
}
