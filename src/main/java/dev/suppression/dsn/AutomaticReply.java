package dev.suppression.dsn;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Messages a mailbox or its filter sends back by itself (RFC 3834 auto-replies, vacation notices, out-of-office
 * replies, challenge-response requests). They say the mailbox exists, so they must never be taken for bounces.
 */
final class AutomaticReply {

    // Anchored at the start, so "Undeliverable: Automatic reply: ..." (the bounce of an auto-reply) is not one.
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile("^(?:(?:re|aw|antw|r|sv|vs)\\s*:\\s*)?(?:"
            + "out of (?:the )?office|automatic reply|auto[- ]?reply|auto[- ]?response|auto:|autosvar|"
            + "automatische antwort|abwesenheitsnotiz|abwesend|ausser haus|außer haus|"
            + "reponse automatique|réponse automatique|absence|absent du bureau|"
            + "respuesta automática|respuesta automatica|fuera de la oficina|risposta automatica|fuori sede|"
            + "on vacation|vacation|away from (?:the|my) office|i am (?:currently )?(?:out|away)|i'm (?:currently )?(?:out|away))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final List<String> AUTO_REPLY_HEADERS = List.of("X-Autoreply", "X-Autorespond", "X-AutoReply-From",
            "X-Mail-Autoreply", "X-Vacation");
    private static final List<String> CHALLENGE_PHRASES = List.of("please confirm your message",
            "confirm that you are a human", "verify that you are a human", "prove that you are a human",
            "to have your message delivered", "your message is being held", "verify your address",
            "i use a spam filter", "challenge-response", "awaiting your confirmation",
            "click the link below to confirm", "please verify your email");

    private AutomaticReply() {
    }

    /**
     * An auto-reply beyond doubt: an {@code X-Autoreply}-style header, {@code Precedence: auto_reply}, or an
     * out-of-office / vacation subject.
     */
    static Optional<Recognised> recognise(Headers headers) {
        for (var name : AUTO_REPLY_HEADERS) {
            if (headers.value(name) != null) {
                return Optional.of(new Recognised(MessageKind.AUTO_REPLY, name + " header"));
            }
        }
        var precedence = headers.value("Precedence");
        if (precedence != null && precedence.strip().equalsIgnoreCase("auto_reply")) {
            return Optional.of(new Recognised(MessageKind.AUTO_REPLY, "Precedence: auto_reply"));
        }
        var subject = headers.subject();
        if (AUTO_REPLY_SUBJECT.matcher(subject.strip()).lookingAt()) {
            return Optional.of(new Recognised(MessageKind.AUTO_REPLY, "Subject \"" + shorten(subject) + "\""));
        }
        return Optional.empty();
    }

    /**
     * A challenge-response request: the recipient's filter holds the message until the sender proves to be
     * human. Asked only of messages that do not come from a mailer daemon, whose texts can use similar words.
     */
    static Optional<Recognised> challenge(Headers headers, String text) {
        var lower = (headers.subject() + "\n" + text).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        for (var phrase : CHALLENGE_PHRASES) {
            if (lower.contains(phrase)) {
                return Optional.of(new Recognised(MessageKind.CHALLENGE_RESPONSE, "it asks: \"" + phrase + "\""));
            }
        }
        return Optional.empty();
    }

    /**
     * RFC 3834 {@code Auto-Submitted: auto-replied}: mailer daemons set it on bounces too, so it is only
     * decisive once the message turned out not to be a bounce.
     */
    static Optional<Recognised> declared(Headers headers) {
        var autoSubmitted = headers.value("Auto-Submitted");
        if (autoSubmitted != null && autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("auto-replied")) {
            return Optional.of(new Recognised(MessageKind.AUTO_REPLY, "Auto-Submitted: auto-replied"));
        }
        return Optional.empty();
    }

    record Recognised(MessageKind kind, String evidence) { }

    private static String shorten(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
