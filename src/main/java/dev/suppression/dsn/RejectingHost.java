package dev.suppression.dsn;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The host that refused a recipient and the host that wrote the bounce, as plain-text layouts name them. The
 * diagnosis of a refusal starts at the rejector (issue 12), so every layout that names one is read here.
 */
final class RejectingHost {

    private static final String HOST = "([a-z0-9][a-z0-9.-]*\\.[a-z]{2,}|\\d{1,3}(?:\\.\\d{1,3}){3})";
    private static final List<Pattern> REMOTE = List.of(
            // Postfix "host mx.example.net[192.0.2.2] said:", Exim "host mx.example.com [192.0.2.1]: 550", localized.
            Pattern.compile("(?iu)\\b(?:host|hôte|hote|server|serveur|servidor|rechner)(?:\\s+distant)?\\s+"
                    + "([a-z0-9][a-z0-9.-]*\\.[a-z]{2,})\\.?\\s*\\[[0-9a-f.:]+]"),
            // Google "rejected by the server for the recipient domain x by mx.x. [192.0.2.3]".
            Pattern.compile("(?i)\\bby\\s+([a-z0-9][a-z0-9.-]*\\.[a-z]{2,})\\.?\\s*\\[[0-9a-f.:]+]"),
            // A DSN field quoted in the text, MailMarshal's "Remote-MTA: <10.0.0.1>", Messaging Server "Remote system:".
            Pattern.compile("(?im)^\\s*remote[- ](?:mta|system):\\s*(?:dns\\s*;\\s*)?<?" + HOST),
            // Exchange "Remote Server at mx.example.com (192.0.2.1) returned".
            Pattern.compile("(?i)remote server at\\s+" + HOST),
            // Sendmail transcripts.
            Pattern.compile("(?i)while talking to\\s+" + HOST),
            // X6 "SMTP Server <mta2.example.jp> rejected recipient".
            Pattern.compile("(?i)smtp server\\s+<" + HOST + ">"),
            // Exchange 2003 "<mx.example.com #5.1.1 smtp;550 ...>".
            Pattern.compile("(?i)<([a-z0-9][a-z0-9.-]*\\.[a-z]{2,})\\s+#[245]\\.\\d"),
            // qmail "192.0.2.1 does not like recipient.", "Connected to 192.0.2.1 but sender was rejected."
            Pattern.compile("(?im)^\\s*" + HOST + " (?:does not like recipient|failed after i sent|failed on data)"),
            Pattern.compile("(?i)connected to\\s+" + HOST + "\\s+but"),
            Pattern.compile("(?i)giving up on\\s+" + HOST),
            // X3 "SMTP:RCPT host 192.0.2.8: 553 ...", Exim without brackets, "mail server mx.example.com said".
            Pattern.compile("(?i)\\bhost\\s+" + HOST + "\\s*:"),
            Pattern.compile("(?i)\\b(?:mail )?server\\s+" + HOST + "\\s+(?:said|responded|replied|returned)"),
            // DragonFly Mail Agent "mx.example.com [192.0.2.1] did not like our RCPT TO:".
            Pattern.compile("(?im)^\\s*" + HOST + "\\s+\\[[0-9a-f.:]+]\\s+did not like our"),
            // 1&1 "SMTP error from remote server for RCPT TO command, host: mx.example.com (192.0.2.1) reason:".
            Pattern.compile("(?i)\\bhost:\\s+" + HOST + "\\s+\\("),
            // Courier "    mx.example.com [192.0.2.1]:" alone on the line above the session transcript.
            Pattern.compile("(?im)^\\s*" + HOST + "\\s+\\[[0-9a-f.:]+]:\\s*$"),
            // SurfControl "jane@example.com: [192.0.2.5], 550 ...".
            Pattern.compile("(?im)@\\S+:\\s+\\[(\\d{1,3}(?:\\.\\d{1,3}){3})],"));
    private static final List<Pattern> REPORTING = List.of(
            Pattern.compile("(?i)qmail-send program at ([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?iu)mail ?system (?:at|auf) (?:dem )?host ([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?iu)système de messagerie (?:de l'|sur l')hôte ([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            // Spanish, Italian, Portuguese and Dutch Postfix-style templates.
            Pattern.compile("(?iu)sistema de correo del servidor ([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?iu)sistema di posta dell'host ([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?iu)sistema de correio do servidor ([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?iu)mailsysteem op host ([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?im)^\\s*reporting-mta:\\s*(?:dns\\s*;\\s*)?<?([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?i)generating server:\\s*([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?i)on the queue on ([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?i)this is the mail delivery agent at ([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?i)this is the dragonfly mail agent \\S+ at ([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?i)this is the postfix program at host ([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?i)program amavisd-new at host\\s+([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?i)notification from ([a-z0-9][a-z0-9.-]*\\.[a-z]{2,})"),
            Pattern.compile("(?i)^message from ([a-z0-9][a-z0-9.-]*\\.[a-z]{2,})", Pattern.MULTILINE));

    private RejectingHost() {
    }

    /** The refusing host a recipient's lines name, lower-cased. */
    static @Nullable String remote(@Nullable String text) {
        return first(REMOTE, text);
    }

    /** The host a bounce's text says wrote it. */
    static @Nullable String reporting(@Nullable String text) {
        return first(REPORTING, text);
    }

    private static @Nullable String first(List<Pattern> patterns, @Nullable String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        for (var pattern : patterns) {
            var m = pattern.matcher(text);
            if (m.find()) {
                var host = m.group(1).toLowerCase(Locale.ROOT);
                while (host.endsWith(".")) {
                    host = host.substring(0, host.length() - 1);
                }
                return host.length() <= 255 ? host : null;
            }
        }
        return null;
    }
}
