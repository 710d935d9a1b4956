package dev.suppression.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.address.DomainName;
import dev.suppression.bounce.Origin;
import dev.suppression.classification.BounceReason;
import dev.suppression.classification.Classification;
import dev.suppression.classification.SmtpStage;
import dev.suppression.dns.MailRoute;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MxChangedBeforeTheBouncesTests {

    private static final Instant FIRST_BOUNCE = Instant.parse("2026-12-01T10:00:00Z");
    private static final SeenRoute OLD = new SeenRoute(RouteKind.MX, List.of("10 mail.acme.example"), null);
    private static final SeenRoute NEW = new SeenRoute(RouteKind.MX, List.of("10 acme-example.mail.protection.outlook.com"), null);

    private final MxChangedBeforeTheBounces rule = new MxChangedBeforeTheBounces();

    @Test
    void aChangeThreeDaysBeforeTheFirstBounceIsNamedWithTheGap() {
        var changed = FIRST_BOUNCE.minus(Duration.ofDays(3));

        var finding = rule.apply(facts(new MxChange(changed, NEW, OLD, changed.minus(Duration.ofDays(1)))));

        assertThat(finding).hasValueSatisfying(f -> assertThat(f.detail())
                .contains("changed from MX 10 mail.acme.example to MX 10 acme-example.mail.protection.outlook.com")
                .contains("3 day(s) before the first bounce"));
    }

    @Test
    void aChangeLongerAgoThanTheLookbackIsNoLongerACause() {
        var changed = FIRST_BOUNCE.minus(Duration.ofDays(30));

        assertThat(rule.apply(facts(new MxChange(changed, NEW, OLD, changed.minus(Duration.ofDays(1)))))).isEmpty();
    }

    @Test
    void theFirstRouteEverSeenIsNoChange() {
        assertThat(rule.apply(facts(new MxChange(FIRST_BOUNCE.minus(Duration.ofDays(1)), OLD, null, null)))).isEmpty();
    }

    @Test
    void aChangeThatCameAfterTheBouncesIsNotTheirCause() {
        var stillOld = FIRST_BOUNCE.plus(Duration.ofHours(2));

        assertThat(rule.apply(facts(new MxChange(stillOld.plus(Duration.ofHours(1)), NEW, OLD, stillOld)))).isEmpty();
    }

    private static DiagnosisFacts facts(MxChange change) {
        var bounce = new BounceEvidence("ann@acme.example", FIRST_BOUNCE, FIRST_BOUNCE, Classification.USER_UNKNOWN,
                BounceReason.USER_UNKNOWN, 550, "5.1.1", "550 5.1.1 user unknown", SmtpStage.RCPT, "mail.acme.example",
                RejectorRole.UNLISTED, null, null, null, Origin.RECIPIENT, null);
        return new DiagnosisFacts(new DomainName("acme.example"), List.of(bounce),
                new MailRoute.Exchangers(List.of()), NEW, List.of(change), Duration.ofDays(14));
    }
}
