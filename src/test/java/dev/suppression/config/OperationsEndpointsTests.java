package dev.suppression.config;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class OperationsEndpointsTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void livenessAndReadinessProbesAreUpWithTheDatabaseInReadiness() {
        assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("UP");
        var readiness = mvc.get().uri("/actuator/health/readiness").exchange();
        assertThat(readiness).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("UP");
    }

    @Test
    void prometheusCountsIngestedEventsSuppressionsClearsAndPauses() throws Exception {
        var api = new Api(mvc);
        var domain = uniqueDomain("metrics");
        for (int i = 0; i < 5; i++) {
            api.hardBounce("m" + i + "@" + domain);
        }
        api.clear("m0@" + domain, "fixed", false);

        var scrape = mvc.get().uri("/actuator/prometheus").exchange();

        assertThat(scrape).hasStatusOk();
        var text = scrape.getResponse().getContentAsString();
        assertThat(text).contains("suppression_events_ingested_total{classification=\"USER_UNKNOWN\"");
        assertThat(text).contains("suppression_addresses_suppressed_total");
        assertThat(text).contains("suppression_addresses_cleared_total");
        assertThat(text).contains("suppression_domains_paused_total");
        assertThat(counter(text, "suppression_domains_paused_total")).isGreaterThanOrEqualTo(1.0);
        assertThat(counter(text, "suppression_addresses_cleared_total")).isGreaterThanOrEqualTo(1.0);
    }

    private static double counter(String scrape, String name) {
        return scrape.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
