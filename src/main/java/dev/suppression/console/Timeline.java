package dev.suppression.console;

import dev.suppression.history.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An address's history as the address page shows it, oldest first: each entry a heading, a time and a list of
 * labelled fields. The evidence of a bounce is the list {@link #bounceFields} builds, so a field the evidence
 * gains (the SMTP stage, the remote MTA) is one more line there and needs no template change.
 */
record Timeline(List<Entry> entries) {

    /** One line of the history; {@code raw} is the event or message exactly as the reporter sent it. */
    record Entry(String type, String title, Instant at, boolean bounce, List<Field> fields, @Nullable String raw) { }

    /** A labelled value; {@code verbatim} values (SMTP responses, ids) are shown as they are, in monospace. */
    record Field(String label, String value, boolean verbatim) { }

    static Timeline of(List<HistoryEntry> history, ConsoleTime time) {
        return new Timeline(history.stream().map(e -> entry(e, time)).toList());
    }

    private static Entry entry(HistoryEntry e, ConsoleTime time) {
        return switch (e.type()) {
            case "BOUNCE" -> new Entry(e.type(), "Bounce", e.at(), true, bounceFields(e, time), e.raw());
            case "COMPLAINT" -> new Entry(e.type(), "Spam complaint", e.at(), false, complaintFields(e, time), e.raw());
            default -> new Entry(e.type(), changeTitle(e.type()), e.at(), false, changeFields(e), null);
        };
    }

    static List<Field> bounceFields(HistoryEntry e, ConsoleTime time) {
        var fields = new Fields();
        fields.add("Classification", e.classification());
        fields.add("Reason", e.reason());
        fields.add("Why the stage decided", e.reasonDetail());
        fields.add("SMTP stage", e.stage());
        fields.add("SMTP reply code", e.smtpCode());
        fields.add("Enhanced status code", e.enhancedCode());
        fields.verbatim("Full SMTP response", e.response());
        fields.verbatim("Rejecting host", e.rejectingHost());
        fields.verbatim("Remote MTA", e.remoteMta());
        fields.verbatim("Reporting MTA", e.reportingMta());
        fields.verbatim("Message id", e.messageId());
        fields.verbatim("Event id", e.eventId());
        fields.add("Reported by", e.source());
        fields.add("Origin", e.origin());
        fields.add("Received", e.receivedAt() == null ? null : time.text(e.receivedAt()));
        return fields.list();
    }

    private static List<Field> complaintFields(HistoryEntry e, ConsoleTime time) {
        var fields = new Fields();
        fields.add("Feedback type", e.feedbackType());
        fields.verbatim("Message id", e.messageId());
        fields.verbatim("Event id", e.eventId());
        fields.add("Reported by", e.source());
        fields.add("Received", e.receivedAt() == null ? null : time.text(e.receivedAt()));
        return fields.list();
    }

    private static List<Field> changeFields(HistoryEntry e) {
        var fields = new Fields();
        // An ESP list action: whether the address is off that provider's list yet is what ops need before a retry.
        fields.add("Provider", e.provider());
        fields.add("Status", e.status());
        fields.add("By", e.actor());
        fields.add("Reason", e.reason());
        fields.add("Classification", e.classification());
        return fields.list();
    }

    private static String changeTitle(String action) {
        return switch (action) {
            case "SUPPRESSED" -> "Suppressed";
            case "RESUPPRESSED" -> "Suppressed again";
            case "MANUAL_SUPPRESSED" -> "Suppressed by hand";
            case "COMPLAINT_SUPPRESSED" -> "Suppressed after a complaint";
            case "CLEARED" -> "Cleared";
            case "CLEARED_FORCED" -> "Cleared with force";
            case "IMPORTED" -> "Imported";
            case "PROVIDER_REMOVE" -> "Removal from an ESP's list";
            case "PROVIDER_ADD" -> "Addition to an ESP's list";
            default -> action.charAt(0) + action.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /** Collects the fields that have a value, in the order they are added. */
    private static final class Fields {
        private final List<Field> fields = new ArrayList<>();

        void add(String label, @Nullable Object value) {
            if (value != null && !value.toString().isBlank()) {
                fields.add(new Field(label, value.toString(), false));
            }
        }

        void verbatim(String label, @Nullable String value) {
            if (value != null && !value.isBlank()) {
                fields.add(new Field(label, value, true));
            }
        }

        List<Field> list() {
            return List.copyOf(fields);
        }
    }
}
