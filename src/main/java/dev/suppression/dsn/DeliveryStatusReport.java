package dev.suppression.dsn;

import dev.suppression.classification.EnhancedStatusCode;
import dev.suppression.classification.SmtpReplyCode;
import jakarta.mail.internet.MailDateFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The machine-readable part of an RFC 3464 delivery status notification ({@code message/delivery-status}):
 * the per-message fields, then one group of fields per recipient, groups separated by blank lines. Real MTAs
 * fold long fields, omit the blank line before the first recipient, or put recipients back to back; all of
 * that is read as the RFC means it.
 *
 * @param failed  the recipients whose {@code Action} is {@code failed} or {@code delayed}
 * @param skipped the other actions reported ({@code delivered}, {@code relayed}, {@code expanded}, unknown)
 */
record DeliveryStatusReport(List<FailedRecipient> failed, List<String> skipped) {

    private static final Pattern FIELD = Pattern.compile("([!-9;-~]+)[ \\t]*:(.*)");
    private static final Pattern TYPE_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9-]*[ \\t]*;[ \\t]*");
    private static final Pattern QUOTED_LOCAL_PART = Pattern.compile("\"[^\"]*\"@\\S+");
    private static final Pattern ANGLE_ADDRESS = Pattern.compile("<(" + PlainTextBounce.ADDRESS + ")>");
    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");
    private static final int MAX_DIAGNOSTIC = 10_000;
    private static final Set<String> PER_MESSAGE_FIELDS = Set.of("reporting-mta", "dsn-gateway", "received-from-mta",
            "arrival-date", "original-envelope-id");

    static DeliveryStatusReport parse(String text) {
        var perMessage = new LinkedHashMap<String, String>();
        var recipients = new ArrayList<Fields>();
        for (var group : groups(text)) {
            Fields current = null;
            var pending = new ArrayList<Field>();
            for (var field : group) {
                var name = field.name();
                if (current == null) {
                    if (name.equals("final-recipient") || name.equals("original-recipient")) {
                        // Exim writes Action before Final-Recipient: what came first in the group is this recipient's.
                        current = new Fields();
                        recipients.add(current);
                        pending.forEach(current::add);
                        pending.clear();
                        current.add(field);
                    } else if (PER_MESSAGE_FIELDS.contains(name)) {
                        perMessage.putIfAbsent(name, field.value());
                    } else {
                        pending.add(field);
                    }
                } else {
                    if (current.has(name)) {
                        // Recipients written back to back without a blank line: a repeated field opens the next one.
                        current = new Fields();
                        recipients.add(current);
                    }
                    current.add(field);
                }
            }
            pending.forEach(field -> perMessage.putIfAbsent(field.name(), field.value()));
        }
        var reportingMta = host(perMessage.get("reporting-mta"));
        var failed = new ArrayList<FailedRecipient>();
        var skipped = new ArrayList<String>();
        for (var fields : recipients) {
            var actionValue = fields.get("action");
            var action = actionValue == null ? withoutAction(fields) : DeliveryAction.parse(actionValue);
            if (action.isEmpty() || !action.get().isBounce()) {
                skipped.add(actionValue == null ? "(no Action)" : actionValue.strip());
                continue;
            }
            failed.add(recipient(fields, action.get(), reportingMta));
        }
        return new DeliveryStatusReport(List.copyOf(failed), List.copyOf(skipped));
    }

    /**
     * A recipient group without an {@code Action} field (some gateways leave it out): failed when its status is
     * permanent, delayed when transient; without a status it reports nothing.
     */
    private static Optional<DeliveryAction> withoutAction(Fields fields) {
        var status = fields.get("status") == null ? null : EnhancedStatusCode.find(fields.get("status")).orElse(null);
        if (status == null) {
            return Optional.empty();
        }
        return switch (status.statusClass()) {
            case 5 -> Optional.of(DeliveryAction.FAILED);
            case 4 -> Optional.of(DeliveryAction.DELAYED);
            default -> Optional.empty();
        };
    }

    private static FailedRecipient recipient(Fields fields, DeliveryAction action, @Nullable String reportingMta) {
        var finalRecipient = address(fields.get("final-recipient"));
        var originalRecipient = address(fields.get("original-recipient"));
        // The sender checks the address it put in RCPT TO, which ORCPT (Original-Recipient) carries; the final
        // recipient differs only after a forward or alias expansion on the receiving side.
        var recipient = originalRecipient != null && originalRecipient.contains("@") ? originalRecipient
                : finalRecipient == null ? "" : finalRecipient;
        var diagnostic = diagnostic(fields.get("diagnostic-code"));
        var reported = fields.get("status") == null ? null : EnhancedStatusCode.find(fields.get("status")).orElse(null);
        if (diagnostic == null && reported == null && fields.get("status") != null
                && SmtpReplyCode.find(fields.get("status")).isPresent()) {
            // "Status: 553 Exceeded maximum inbound message size": a reply where the status code belongs.
            diagnostic = diagnostic(fields.get("status"));
        }
        var status = effectiveStatus(action, reported, diagnostic);
        var smtpCode = diagnostic == null ? null : SmtpReplyCode.find(diagnostic).map(SmtpReplyCode::value).orElse(null);
        var remoteMta = host(fields.get("remote-mta"));
        var reporting = host(fields.get("reporting-mta"));
        return new FailedRecipient(recipient,
                finalRecipient != null && !finalRecipient.equalsIgnoreCase(recipient) ? finalRecipient : null,
                action, status, smtpCode, diagnostic, RefusalStage.of(diagnostic, fields.text()),
                remoteMta, reporting != null ? reporting : reportingMta,
                date(fields.get("last-attempt-date")), fields.text());
    }

    /**
     * The code to classify by. A generic status ({@code 5.0.0}: Exim and others always send it) yields to the
     * specific code of the same class in the diagnostic; a delayed recipient is transient whatever code came.
     */
    static @Nullable String effectiveStatus(DeliveryAction action, @Nullable EnhancedStatusCode reported,
                                            @Nullable String diagnostic) {
        var inText = diagnostic == null ? Optional.<EnhancedStatusCode>empty() : EnhancedStatusCode.find(diagnostic);
        var status = reported;
        if (inText.isPresent() && (status == null
                || (status.isGeneric() && !inText.get().isGeneric() && inText.get().statusClass() == status.statusClass()))) {
            status = inText.get();
        }
        if (action == DeliveryAction.DELAYED) {
            return status == null ? "4.0.0" : new EnhancedStatusCode(4, status.subject(), status.detail()).toString();
        }
        return status == null ? null : status.toString();
    }

    /** {@code smtp; 550 5.1.1 <x>: ...} unfolded, without its diagnostic type. */
    static @Nullable String diagnostic(@Nullable String value) {
        if (value == null) {
            return null;
        }
        var text = TYPE_PREFIX.matcher(value.strip()).replaceFirst("").replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() <= MAX_DIAGNOSTIC ? text : text.substring(0, MAX_DIAGNOSTIC) + "…";
    }

    /**
     * {@code rfc822; <Jane@Example.org>} -> {@code Jane@Example.org}; also what real MTAs write instead: no
     * address type ({@code <jane@x>}), a type without its semicolon ({@code rfc822 jane@x}), a display name
     * ({@code "Jane" <jane@x>}).
     */
    static @Nullable String address(@Nullable String value) {
        if (value == null) {
            return null;
        }
        var address = COMMENT.matcher(TYPE_PREFIX.matcher(value.strip()).replaceFirst("")).replaceAll("").strip();
        if (address.startsWith("<") && address.endsWith(">")) {
            address = address.substring(1, address.length() - 1).strip();
        }
        if (address.indexOf('@') > 0 && (address.contains(" ") || address.contains("<"))
                && !QUOTED_LOCAL_PART.matcher(address).matches()) {
            var angle = ANGLE_ADDRESS.matcher(address);
            var bare = PlainTextBounce.ANY_ADDRESS.matcher(address);
            if (angle.find()) {
                address = angle.group(1);
            } else if (bare.find()) {
                address = bare.group();
            }
        }
        return address.isEmpty() ? null : address;
    }

    /** {@code dns; MX1.example.org. (192.0.2.1)} -> {@code mx1.example.org}. */
    static @Nullable String host(@Nullable String value) {
        if (value == null) {
            return null;
        }
        var host = COMMENT.matcher(TYPE_PREFIX.matcher(value.strip()).replaceFirst("")).replaceAll(" ").strip();
        host = host.split("\\s+", 2)[0];
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.isEmpty() ? null : host.length() <= 255 ? host : host.substring(0, 255);
    }

    static @Nullable Instant date(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var parsed = new MailDateFormat().parse(value.strip(), new ParsePosition(0));
        return parsed == null ? null : parsed.toInstant();
    }

    /** The fields of the text, unfolded, in groups separated by blank lines. */
    private static List<List<Field>> groups(String text) {
        var groups = new ArrayList<List<Field>>();
        var group = new ArrayList<Field>();
        String name = null;
        StringBuilder value = null;
        StringBuilder lines = null;
        for (var line : text.split("\\r?\\n|\\r", -1)) {
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !line.isBlank();
            if (continuation && name != null) {
                value.append(' ').append(line.strip());
                lines.append('\n').append(line);
                continue;
            }
            if (name != null) {
                group.add(new Field(name, value.toString(), lines.toString()));
                name = null;
            }
            if (line.isBlank()) {
                if (!group.isEmpty()) {
                    groups.add(group);
                    group = new ArrayList<>();
                }
                continue;
            }
            var m = FIELD.matcher(line);
            if (m.matches()) {
                name = m.group(1).toLowerCase(Locale.ROOT);
                value = new StringBuilder(m.group(2).strip());
                lines = new StringBuilder(line);
            }
        }
        if (name != null) {
            group.add(new Field(name, value.toString(), lines.toString()));
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    private record Field(String name, String value, String line) { }

    /** The fields of one recipient, first occurrence wins. */
    private static final class Fields {
        private final Map<String, String> values = new LinkedHashMap<>();
        private final StringBuilder text = new StringBuilder();

        void add(Field field) {
            values.putIfAbsent(field.name(), field.value());
            text.append(field.line()).append('\n');
        }

        @Nullable String get(String name) {
            return values.get(name);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String text() {
            return text.toString();
        }
    }
}
