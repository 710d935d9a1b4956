package dev.suppression.diagnosis;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The diagnosis as a ticket for the recipient admin (Markdown, {@code Accept: text/markdown}): what bounced,
 * when, which host refused it, the MX path, the questions, and what we do after their fix. The rejector host
 * and the timestamp are the evidence a generic bounce screenshot lacks.
 */
public final class DiagnosisTicket {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private DiagnosisTicket() {
    }

    public static String of(DomainDiagnosis d) {
        var text = new StringBuilder();
        if (d.addresses().isEmpty()) {
            // Nothing to send an admin yet: say so rather than a headline about refusals that did not happen.
            text.append("# No hard bounces at ").append(d.domain()).append("\n\n");
            text.append("Since ").append(UTC.format(d.windowStart())).append(", no address at ").append(d.domain())
                    .append(" hard-bounced").append(d.paused() ? "; sending to the domain is still paused" : "")
                    .append(".\n\n");
        } else {
            text.append("# Mail to ").append(d.domain()).append(" is being refused\n\n");
            text.append("Since ").append(first(d.addresses(), d.windowStart())).append(", the mail servers for ")
                    .append(d.domain()).append(" refused our messages to ").append(d.distinctAddresses())
                    .append(" address(es) as undeliverable")
                    .append(d.paused() ? "; we have paused all sending to the domain" : "")
                    .append(". The details below come from the servers' own replies.\n\n");
        }
        bounces(text, d.addresses());
        rejectors(text, d.rejectors());
        mx(text, d.mx(), d.mxHistory());
        findings(text, d.findings());
        questions(text, d.questions());
        afterTheFix(text, d.afterTheFix());
        return text.toString();
    }

    public static String of(AddressDiagnosis d) {
        var text = new StringBuilder();
        text.append("# Mail to ").append(d.address()).append(" is being refused\n\n");
        bounces(text, d.bounces());
        rejectors(text, d.rejectors());
        mx(text, d.mx(), d.mxHistory());
        findings(text, d.findings());
        questions(text, d.questions());
        afterTheFix(text, d.afterTheFix());
        return text.toString();
    }

    private static void bounces(StringBuilder text, List<BounceEvidence> bounces) {
        text.append("## What bounced\n\n");
        if (bounces.isEmpty()) {
            text.append("No hard bounce is on record.\n\n");
            return;
        }
        text.append("| address | when | refused by | stage | reply | message id |\n|---|---|---|---|---|---|\n");
        for (var b : bounces) {
            text.append("| ").append(cell(b.address())).append(" | ").append(UTC.format(b.occurredAt())).append(" | ")
                    .append(cell(by(b.rejectingHost(), b.rejectorVendor(), b.rejectorRole()))).append(" | ")
                    .append(b.stage()).append(" | ").append(cell(b.response() == null ? Evidence.codes(b) : b.response()))
                    .append(" | ").append(cell(b.messageId())).append(" |\n");
        }
        text.append('\n');
    }

    private static void rejectors(StringBuilder text, List<RejectorGroup> groups) {
        if (groups.isEmpty()) {
            return;
        }
        text.append("## Which host refused it\n\n");
        for (var g : groups) {
            text.append("- ").append(by(g.host(), g.vendor(), g.role())).append(": ").append(g.addresses())
                    .append(" address(es), ").append(UTC.format(g.firstAt()))
                    .append(g.firstAt().equals(g.lastAt()) ? "" : " to " + UTC.format(g.lastAt()))
                    .append(g.enhancedCodes().isEmpty() ? "" : ", " + String.join(", ", g.enhancedCodes()))
                    .append(g.inMx() ? " (one of the domain's MX hosts)" : "").append('\n');
        }
        text.append('\n');
    }

    private static void mx(StringBuilder text, MxReading mx, List<MxHistoryEntry> history) {
        text.append("## The MX path\n\n");
        text.append(mx.summary()).append('\n');
        for (var host : mx.records()) {
            text.append("- ").append(host.preference()).append(' ').append(host.host())
                    .append(host.vendor() == null ? "" : " (" + host.vendor() + ", " + role(host.role()) + ")").append('\n');
        }
        var changes = history.stream().filter(h -> h.previousKind() != null).toList();
        if (!changes.isEmpty()) {
            text.append("\nChanges we saw:\n");
            for (var change : changes) {
                text.append("- between ").append(change.previousCheckedAt() == null ? "?" : UTC.format(change.previousCheckedAt()))
                        .append(" and ").append(UTC.format(change.seenAt())).append(": ").append(change.summary()).append('\n');
            }
        }
        text.append('\n');
    }

    private static void findings(StringBuilder text, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        text.append("## What we found\n\n");
        for (var f : findings) {
            text.append("- **").append(f.title()).append("**: ").append(f.detail()).append('\n');
        }
        text.append('\n');
    }

    private static void questions(StringBuilder text, List<Question> questions) {
        if (questions.isEmpty()) {
            return;
        }
        text.append("## Questions for you\n\n");
        int n = 1;
        for (var q : questions) {
            text.append(n++).append(". ").append(q.text()).append('\n');
        }
        text.append('\n');
    }

    private static void afterTheFix(StringBuilder text, List<String> steps) {
        text.append("## What we will do after your fix\n\n");
        steps.forEach(step -> text.append("- ").append(step).append('\n'));
    }

    private static String first(List<BounceEvidence> bounces, Instant otherwise) {
        return UTC.format(bounces.stream().map(BounceEvidence::occurredAt).min(Instant::compareTo).orElse(otherwise));
    }

    private static String by(@Nullable String host, @Nullable String vendor, RejectorRole role) {
        if (host == null) {
            return "no remote host (" + role(role) + ")";
        }
        return host + " (" + (vendor == null ? "" : vendor + ", ") + role(role) + ")";
    }

    private static String role(RejectorRole role) {
        return switch (role) {
            case OWN_SIDE -> "our side";
            case SENDING_PLATFORM -> "the sending platform";
            case INBOUND_GATEWAY -> "inbound gateway";
            case MAILBOX_PROVIDER -> "mailbox provider";
            case UNLISTED -> "mail server";
        };
    }

    private static String cell(@Nullable String value) {
        return value == null ? "" : value.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
