package dev.suppression.dsn;

import dev.suppression.classification.SmtpStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Completes the recipients of an RFC 3464 report from the text beside it. Reports leave things out that the text
 * for people says: a {@code Final-Recipient} without a domain ({@code rfc822; jane}) whose address only the text
 * or {@code X-Failed-Recipients} gives, a diagnostic without the SMTP command it answered (Postfix puts "in reply
 * to RCPT TO command" in the text), no {@code Remote-MTA} where the text says "host mx[ip] said".
 */
final class DsnCompletion {

    private DsnCompletion() {
    }

    static List<FailedRecipient> complete(List<FailedRecipient> reported, BounceText bounce) {
        if (reported.isEmpty()) {
            return reported;
        }
        var fromText = textReading(bounce);
        var completed = new ArrayList<FailedRecipient>();
        for (var recipient : reported) {
            var address = recipient.recipient();
            if (!address.contains("@")) {
                address = addressFor(address, reported.size(), bounce, fromText);
                if (address == null) {
                    continue;
                }
            }
            var text = fromText.get(PlainTextBounce.key(address));
            if (text == null && reported.size() == 1 && fromText.size() == 1) {
                text = fromText.values().iterator().next();
            }
            var stage = recipient.stage();
            if (stage == SmtpStage.UNKNOWN && text != null) {
                stage = text.stage();
            }
            if (stage == SmtpStage.UNKNOWN && reported.size() == 1) {
                stage = RefusalStage.of(null, bounce.reportText());
            }
            var remote = recipient.remoteMta();
            if ((remote == null || remote.equals(recipient.reportingMta())) && text != null && text.remoteMta() != null
                    && !text.remoteMta().equals(bounce.reportingMta())) {
                remote = text.remoteMta();
            }
            var reporting = recipient.reportingMta() != null ? recipient.reportingMta() : bounce.reportingMta();
            if (remote == null) {
                remote = reporting;
            }
            var diagnostic = recipient.diagnostic();
            var status = recipient.status();
            var smtpCode = recipient.smtpCode();
            if (diagnostic == null && text != null) {
                diagnostic = text.diagnostic();
                smtpCode = smtpCode != null ? smtpCode : text.smtpCode();
                status = status != null ? status : text.status();
            }
            completed.add(new FailedRecipient(address, recipient.finalRecipient(), recipient.action(), status, smtpCode,
                    diagnostic, stage, remote, reporting, recipient.lastAttempt(), recipient.evidence()));
        }
        return completed;
    }

    private static Map<String, FailedRecipient> textReading(BounceText bounce) {
        try {
            var recipients = BounceLayouts.read(bounce).map(BounceLayouts.Reading::recipients)
                    .orElseGet(() -> PlainTextBounce.recipients(bounce));
            return recipients.stream().collect(Collectors.toMap(r -> PlainTextBounce.key(r.recipient()),
                    Function.identity(), (first, second) -> first));
        } catch (NotABounceException e) {
            return Map.of();
        }
    }

    /** The address a report names only by its local part: the one the header or the text names. */
    private static @org.jspecify.annotations.Nullable String addressFor(String local, int reported, BounceText bounce,
                                                                         Map<String, FailedRecipient> fromText) {
        for (var listed : bounce.listed()) {
            if (reported == 1 || listed.startsWith(local.toLowerCase(java.util.Locale.ROOT) + "@")) {
                return listed;
            }
        }
        for (var address : fromText.keySet()) {
            if (reported == 1 || address.startsWith(local.toLowerCase(java.util.Locale.ROOT) + "@")) {
                return address;
            }
        }
        return null;
    }
}
