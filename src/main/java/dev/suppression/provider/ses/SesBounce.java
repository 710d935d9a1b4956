package dev.suppression.provider.ses;

import dev.suppression.bounce.Origin;
import dev.suppression.classification.EnhancedStatusCode;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What SES's verdict on a bounce ({@code bounceType}, {@code bounceSubType}) adds to the receiving server's own DSN
 * ({@code status}, {@code diagnosticCode}) before the shared classifier decides. The DSN decides whenever it says
 * something; SES's verdict fills the gaps and sets two limits:
 * <ul>
 * <li><b>Permanent with neither status nor diagnostic</b>: the subtype supplies the meaning as an enhanced code
 *     (below), and the diagnostic says what SES reported.</li>
 * <li><b>Transient never suppresses</b>: SES says a later send may succeed, so a permanent (5.x.x) code, from the
 *     status, the diagnostic or the table, is taken as its temporary 4.x.x counterpart; a 5.7.x policy code is
 *     kept, since a policy block never suppresses either and reads better as {@code POLICY}.</li>
 * <li><b>Undetermined</b>: the DSN as given; without one, the bounce is recorded as {@code UNDETERMINED}.</li>
 * <li><b>Suppressed, OnAccountSuppressionList</b>: SES refused an address on its own (global or account) list
 *     without trying to deliver: origin {@code sender}, evidence only.</li>
 * </ul>
 * <table>
 * <caption>The code a subtype stands for when SES gives no status and no diagnostic</caption>
 * <tr><th>bounceSubType</th><th>Permanent</th><th>Transient</th><th>classification</th></tr>
 * <tr><td>General, NoEmail</td><td>5.1.1</td><td>4.0.0</td><td>USER_UNKNOWN (hard) / TRANSIENT</td></tr>
 * <tr><td>Suppressed, OnAccountSuppressionList</td><td>5.1.1</td><td>4.0.0</td><td>origin sender: evidence only</td></tr>
 * <tr><td>MailboxFull</td><td>5.2.2</td><td>4.2.2</td><td>MAILBOX_FULL</td></tr>
 * <tr><td>MessageTooLarge</td><td>5.3.4</td><td>4.3.4</td><td>POLICY / TRANSIENT (reason MESSAGE_TOO_BIG)</td></tr>
 * <tr><td>ContentRejected, AttachmentRejected</td><td>5.7.1</td><td>5.7.1</td><td>POLICY</td></tr>
 * <tr><td>Undetermined, anything else</td><td>none</td><td>4.0.0</td><td>UNDETERMINED / TRANSIENT</td></tr>
 * </table>
 * An {@code Undetermined} bounce type never takes a code from the table.
 */
record SesBounce(Type type, String subType) {

    /** SES's {@code bounceType}. */
    enum Type {
        /** SES: remove the address; do not send to it again. */
        PERMANENT,
        /** SES: a later send may succeed. */
        TRANSIENT,
        /** SES could not tell; also any type SES may add. */
        UNDETERMINED
    }

    private static final Set<String> OWN_LIST = Set.of("suppressed", "onaccountsuppressionlist");

    static SesBounce of(@Nullable String bounceType, @Nullable String subType) {
        var type = switch (bounceType == null ? "" : bounceType.strip().toLowerCase(Locale.ROOT)) {
            case "permanent" -> Type.PERMANENT;
            case "transient" -> Type.TRANSIENT;
            default -> Type.UNDETERMINED;
        };
        return new SesBounce(type, subType == null || subType.isBlank() ? "Undetermined" : subType.strip());
    }

    Origin origin() {
        return OWN_LIST.contains(key()) ? Origin.SENDER : Origin.RECIPIENT;
    }

    /** The enhanced code to classify with: the recipient's status, completed or limited by SES's verdict. */
    @Nullable String enhancedCode(@Nullable String status, @Nullable String diagnostic) {
        var given = status == null ? null : EnhancedStatusCode.parse(status).orElse(null);
        var hasDiagnostic = diagnostic != null && !diagnostic.isBlank();
        if (type == Type.TRANSIENT) {
            var code = given != null ? given
                    : hasDiagnostic ? EnhancedStatusCode.find(diagnostic).orElse(null) : null;
            return temporary(code != null ? code : impliedCode()).toString();
        }
        if (given == null && !hasDiagnostic && type == Type.PERMANENT) {
            var implied = impliedCode();
            return implied == null ? null : implied.toString();
        }
        return status;
    }

    /** The receiving server's diagnostic, or what SES reported when there was none. */
    String diagnostic(@Nullable String diagnostic) {
        if (diagnostic != null && !diagnostic.isBlank()) {
            return diagnostic;
        }
        return "Amazon SES reported a " + type.name().toLowerCase(Locale.ROOT) + " bounce (" + subType
                + ") with no diagnostic from the receiving server";
    }

    private @Nullable EnhancedStatusCode impliedCode() {
        var code = switch (key()) {
            case "general", "noemail", "suppressed", "onaccountsuppressionlist" ->
                    type == Type.TRANSIENT ? "4.0.0" : "5.1.1";
            case "mailboxfull" -> "5.2.2";
            case "messagetoolarge" -> "5.3.4";
            case "contentrejected", "attachmentrejected" -> "5.7.1";
            default -> type == Type.TRANSIENT ? "4.0.0" : null;
        };
        return code == null ? null : EnhancedStatusCode.parse(code).orElseThrow();
    }

    private static EnhancedStatusCode temporary(EnhancedStatusCode code) {
        return code.isPermanent() && code.subject() != 7
                ? new EnhancedStatusCode(4, code.subject(), code.detail()) : code;
    }

    private String key() {
        return subType.toLowerCase(Locale.ROOT);
    }
}
