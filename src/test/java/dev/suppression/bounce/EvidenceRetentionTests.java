package dev.suppression.bounce;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The history is append-only evidence; only retention prunes raw bounces, and never an active suppression's. */
@IntegrationTest
class EvidenceRetentionTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BounceRetention retention;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void theDatabaseRefusesToRewriteOrDeleteStateChanges() {
        var address = "kept@" + uniqueDomain("append-only");
        api.hardBounce(address);

        assertThatThrownBy(() -> jdbc.sql("update suppression_change set reason = 'forged' where address = ?")
                .param(address).update()).isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from suppression_change where address = ?").param(address).update())
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
        assertThat(api.history(address).get("entries")).hasSize(2);
    }

    @Test
    void theDatabaseRefusesToRewriteDomainPausesAndResumes() {
        var domain = uniqueDomain("append-only-domain");
        for (int i = 0; i < 5; i++) {
            api.hardBounce("u" + i + "@" + domain);
        }

        assertThatThrownBy(() -> jdbc.sql("delete from domain_change where domain = ?").param(domain).update())
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void bounceEvidenceCannotBeEditedOrDeletedOutsideRetention() {
        var address = "evidence@" + uniqueDomain("evidence");
        api.hardBounce(address);

        assertThatThrownBy(() -> jdbc.sql("update bounce_event set diagnostic = 'forged' where recipient = ?")
                .param(address).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from bounce_event where recipient = ?").param(address).update())
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("retention");
    }

    @Test
    void retentionPrunesOldRawBouncesButKeepsTheEvidenceOfActiveSuppressions() {
        var domain = uniqueDomain("retention");
        var suppressed = "still-dead@" + domain;
        var softOnly = "was-full@" + domain;
        api.hardBounce(suppressed);
        insertOldBounce(suppressed, "USER_UNKNOWN");
        insertOldBounce(softOnly, "MAILBOX_FULL");
        var recent = "recent@" + domain;
        api.ingest("{\"recipient\": \"" + recent + "\", \"enhancedCode\": \"4.2.2\"}");

        var pruned = retention.prune();

        assertThat(pruned.bounceEvents()).isGreaterThanOrEqualTo(1);
        assertThat(bouncesOf(softOnly)).as("old raw event of an unsuppressed address").isZero();
        assertThat(bouncesOf(suppressed)).as("evidence of an active suppression").isEqualTo(2);
        assertThat(bouncesOf(recent)).as("recent events are kept").isEqualTo(1);
        assertThat(api.check(suppressed).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
    }

    private void insertOldBounce(String address, String classification) {
        jdbc.sql("""
                insert into bounce_event (recipient, recipient_domain, classification, origin, occurred_at, received_at,
                    counts_toward_cluster, diagnostic)
                values (:address, :domain, :classification, 'RECIPIENT', now() - interval '500 days',
                    now() - interval '500 days', false, 'old')
                """)
                .param("address", address).param("domain", address.substring(address.indexOf('@') + 1))
                .param("classification", classification)
                .update();
    }

    private int bouncesOf(String address) {
        return jdbc.sql("select count(*) from bounce_event where recipient = ?").param(address)
                .query(Integer.class).single();
    }
}
