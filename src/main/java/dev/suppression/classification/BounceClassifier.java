package dev.suppression.classification;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The classification table. The enhanced status code decides when it names a specific condition;
 * when it is absent, generic ({@code 5.0.0}) or not in the table, the diagnostic text decides, with the
 * reply code to tell permanent from temporary.
 *
 * <p>The codes and phrases are those mailbox operators and ESPs document for 550 5.1.1 style bounces.
 * A policy block never becomes a hard bounce: a 5.7.x code wins over any "user unknown" wording,
 * because the address exists and the fix is on the sending side.
 */
public final class BounceClassifier {

    private static final List<String> BAD_DOMAIN_PHRASES = List.of(
            "host unknown", "unknown host", "domain not found", "no such domain", "domain does not exist",
            "domain name not found", "unrouteable address", "unroutable address", "no mx record",
            "null mx", "does not accept mail", "domain is not accepting mail", "host not found");
    private static final List<String> USER_UNKNOWN_PHRASES = List.of(
            "user unknown", "unknown user", "no such user", "does not exist", "doesn't exist",
            "invalid recipient", "mailbox not found", "unknown recipient", "recipient unknown",
            "no such mailbox", "mailbox unavailable", "mailbox does not exist", "no mailbox here",
            "address rejected: user", "unknown address", "invalid mailbox", "user not found",
            "recipient not found", "no such recipient", "account does not exist", "not a valid mailbox",
            "address not found", "mailbox is disabled", "account has been disabled",
            "user doesn't have a", "user does not have a", "recipient doesn't have a", "no longer available");
    // Rejections of our own envelope sender: a sending-side problem, whatever code and wording come with it.
    private static final List<String> SENDER_REJECTED_PHRASES = List.of(
            "sender address rejected", "sender verify failed", "verification failed for",
            "domain of sender address");
    private static final List<String> MAILBOX_FULL_PHRASES = List.of(
            "mailbox full", "mailbox is full", "over quota", "quota exceeded", "exceeded storage",
            "insufficient storage", "mailbox size limit", "exceeds quota", "out of storage");
    private static final List<String> POLICY_PHRASES = List.of(
            "spam", "blocked", "blacklist", "blocklist", "block list", "black list", "policy",
            "reputation", "rejected for", "access denied", "not authorized", "dmarc", "spf", "dkim",
            "prohibited", "denied by", "listed at", "listed on", "poor reputation", "content rejected");
    private static final String RECIPIENT_REJECTED = "recipient address rejected";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    // Echoed addresses (<jane.spfeiffer@x>, policyholder@insurer.example) must not trip a phrase.
    private static final Pattern ADDRESSES = Pattern.compile(
            "<[^<>\\s]*>|(?<![^\\s<>\"',;()\\[\\]])[^\\s<>\"',;()\\[\\]@]+@[^\\s<>\"',;()\\[\\]]+");

    /** Classifies one bounce from whatever the reporter gave: any of the three may be missing. */
    public BounceDiagnosis classify(@Nullable Integer replyCode, @Nullable String enhancedCode,
                                    @Nullable String diagnostic) {
        var text = diagnostic == null ? "" : diagnostic;
        var reply = Optional.ofNullable(replyCode).filter(SmtpReplyCode::isValid).map(SmtpReplyCode::new)
                .or(() -> SmtpReplyCode.find(text));
        var enhanced = Optional.ofNullable(enhancedCode).flatMap(EnhancedStatusCode::parse)
                .or(() -> EnhancedStatusCode.find(text));
        var normalizedText = normalize(text);
        if (containsAny(normalizedText, SENDER_REJECTED_PHRASES)) {
            return new BounceDiagnosis(Classification.POLICY, reply.orElse(null), enhanced.orElse(null));
        }
        var classification = enhanced.flatMap(BounceClassifier::byEnhancedCode)
                .orElseGet(() -> byText(normalizedText, reply.orElse(null), enhanced.orElse(null)));
        return new BounceDiagnosis(classification, reply.orElse(null), enhanced.orElse(null));
    }

    /** The table's code column; empty when the code alone does not decide. */
    private static Optional<Classification> byEnhancedCode(EnhancedStatusCode code) {
        if (code.subject() == 2 && code.detail() == 2 && code.statusClass() != 2) {
            return Optional.of(Classification.MAILBOX_FULL);
        }
        if (code.isTransient()) {
            return Optional.of(Classification.TRANSIENT);
        }
        if (!code.isPermanent()) {
            return Optional.of(Classification.UNDETERMINED);
        }
        if (code.is(5, 1, 1)) {
            return Optional.of(Classification.USER_UNKNOWN);
        }
        if (code.is(5, 1, 3)) {
            // Bad destination mailbox address syntax: no such mailbox can exist.
            return Optional.of(Classification.USER_UNKNOWN);
        }
        if (code.is(5, 1, 2) || code.is(5, 1, 10)) {
            return Optional.of(Classification.BAD_DOMAIN);
        }
        if (code.is(5, 1, 7) || code.is(5, 1, 8)) {
            // The sender's own address was refused: a sending-side problem, like a policy block.
            return Optional.of(Classification.POLICY);
        }
        if (code.subject() == 4) {
            return Optional.of(Classification.ROUTING);
        }
        if (code.subject() == 7) {
            return Optional.of(Classification.POLICY);
        }
        // 5.0.0, 5.1.0, 5.1.6 and the rest: only the text can tell what happened.
        return Optional.empty();
    }

    /** The table's text column, used when the code is missing, generic or not in the table. */
    private static Classification byText(String text, @Nullable SmtpReplyCode reply,
                                         @Nullable EnhancedStatusCode enhanced) {
        boolean temporary = (reply != null && reply.isTransient()) || (enhanced != null && enhanced.isTransient());
        boolean permanent = !temporary
                && ((reply != null && reply.isPermanent()) || (enhanced != null && enhanced.isPermanent())
                    || (reply == null && enhanced == null));
        if (containsAny(text, MAILBOX_FULL_PHRASES)) {
            return Classification.MAILBOX_FULL;
        }
        if (permanent && containsAny(text, BAD_DOMAIN_PHRASES)) {
            return Classification.BAD_DOMAIN;
        }
        if (permanent && containsAny(text, USER_UNKNOWN_PHRASES) && !containsAny(text, POLICY_PHRASES)) {
            return Classification.USER_UNKNOWN;
        }
        if (containsAny(text, POLICY_PHRASES) && !temporary) {
            return Classification.POLICY;
        }
        if (permanent && text.contains(RECIPIENT_REJECTED)) {
            return Classification.USER_UNKNOWN;
        }
        if (temporary) {
            return Classification.TRANSIENT;
        }
        return Classification.UNDETERMINED;
    }

    /**
     * True when one of the phrases occurs at a word start ("spf" does not match inside "mspf", while
     * "blacklist" still matches "blacklisted").
     */
    private static boolean containsAny(String text, List<String> phrases) {
        for (var phrase : phrases) {
            int from = 0;
            int at;
            while ((at = text.indexOf(phrase, from)) >= 0) {
                if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
                    return true;
                }
                from = at + 1;
            }
        }
        return false;
    }

    private static String normalize(String text) {
        var withoutAddresses = ADDRESSES.matcher(text).replaceAll(" ");
        return WHITESPACE.matcher(withoutAddresses.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }
}
