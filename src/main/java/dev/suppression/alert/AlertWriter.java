package dev.suppression.alert;

import dev.suppression.address.DomainName;
import dev.suppression.bouncerate.SourceTurnedCritical;
import dev.suppression.recipientdomain.ClusterFormed;
import dev.suppression.recipientdomain.ClusterLevel;
import dev.suppression.recipientdomain.DomainPaused;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the alert into the outbox inside the transaction that paused the domain or formed the cluster: it
 * commits with the pause or not at all. The payload is fixed here, so every retry sends (and signs) the same body.
 */
@Component
class AlertWriter {

    private static final Logger log = LoggerFactory.getLogger(AlertWriter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AlertOutbox outbox;
    private final AlertSettings settings;

    AlertWriter(AlertOutbox outbox, AlertSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    @EventListener
    void paused(DomainPaused paused) {
        if (!settings.enabled()) {
            return;
        }
        var link = diagnosisLink(paused.domain());
        var text = ":no_entry: Paused sending to " + paused.domain() + ": " + paused.distinctAddresses()
                + " distinct addresses hard-bounced since " + paused.windowStart() + refusedBy(paused.rejectingHosts())
                + ". Find the rejector and the questions for the recipient admin: " + link;
        write(AlertKind.DOMAIN_PAUSED, paused.domain(), paused.pausedAt(), ClusterLevel.DOMAIN_PATTERN,
                paused.distinctAddresses(), paused.windowStart(), paused.rejectingHosts(), text, link);
    }

    @EventListener
    void clusterFormed(ClusterFormed cluster) {
        // A domain that went straight to a pattern gets the pause alert, not two.
        if (!settings.enabled() || !settings.onSmallCluster() || cluster.level() != ClusterLevel.SMALL_CLUSTER) {
            return;
        }
        var link = diagnosisLink(cluster.domain());
        var text = ":warning: " + cluster.distinctAddresses() + " addresses at " + cluster.domain()
                + " hard-bounced since " + cluster.windowStart() + refusedBy(cluster.rejectingHosts())
                + " (SMALL_CLUSTER): ask the recipient admin to confirm aliases, groups and mailboxes. Diagnosis: " + link;
        write(AlertKind.CLUSTER_FORMED, cluster.domain(), cluster.at(), cluster.level(), cluster.distinctAddresses(),
                cluster.windowStart(), cluster.rejectingHosts(), text, link);
    }

    @EventListener
    void bounceRateCritical(SourceTurnedCritical critical) {
        if (!settings.enabled()) {
            return;
        }
        var row = critical.row();
        var subject = critical.dimension().wireName() + " " + critical.key();
        var text = ":rotating_light: " + subject + " is CRITICAL: " + percent(row.hardBounceRate()) + " hard bounces ("
                + row.hardBounces() + " of " + row.sent() + ") and " + percent(row.complaintRate()) + " complaints ("
                + row.complaints() + ") over " + critical.window() + ". Stop mailing this source and clean it"
                + " (POST /verify) before the mailbox providers act.";
        var dedupKey = AlertKind.BOUNCE_RATE_CRITICAL + ":" + subject + ":" + critical.at();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("text", text);
        payload.put("id", dedupKey);
        payload.put("kind", AlertKind.BOUNCE_RATE_CRITICAL.name());
        payload.put("by", critical.dimension().wireName());
        payload.put("key", critical.key());
        payload.put("level", row.level().name());
        payload.put("sent", row.sent());
        payload.put("hardBounces", row.hardBounces());
        payload.put("complaints", row.complaints());
        payload.put("hardBounceRate", row.hardBounceRate());
        payload.put("complaintRate", row.complaintRate());
        payload.put("window", critical.window().toString());
        payload.put("at", critical.at().toString());
        var subjectColumn = subject.length() <= 253 ? subject : subject.substring(0, 253);
        if (outbox.add(dedupKey.length() <= 600 ? dedupKey : dedupKey.substring(0, 600), AlertKind.BOUNCE_RATE_CRITICAL,
                subjectColumn, JSON.writeValueAsString(payload), critical.at())) {
            log.info("Alert {} written for {}", AlertKind.BOUNCE_RATE_CRITICAL, subject);
        }
    }

    private static String percent(@org.jspecify.annotations.Nullable Double rate) {
        return rate == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f%%", rate * 100);
    }

    private void write(AlertKind kind, DomainName domain, Instant at, ClusterLevel level, long distinctAddresses,
                       Instant windowStart, List<String> rejectingHosts, String text, URI link) {
        var dedupKey = kind + ":" + domain + ":" + at;
        var payload = new LinkedHashMap<String, Object>();
        payload.put("text", text);
        payload.put("id", dedupKey);
        payload.put("kind", kind.name());
        payload.put("domain", domain.value());
        payload.put("level", level.name());
        payload.put("distinctAddresses", distinctAddresses);
        payload.put("windowStart", windowStart.toString());
        payload.put("rejectingHosts", rejectingHosts);
        payload.put("at", at.toString());
        payload.put("diagnosis", link.toString());
        if (outbox.add(dedupKey, kind, domain.value(), JSON.writeValueAsString(payload), at)) {
            log.info("Alert {} written for {}", kind, domain);
        }
    }

    private static String refusedBy(List<String> hosts) {
        return hosts.isEmpty() ? "" : ", refused by " + String.join(", ", hosts);
    }

    private URI diagnosisLink(DomainName domain) {
        var base = settings.serviceUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/domains/" + domain.value() + "/diagnosis");
    }
}
