package dev.suppression.dsn;

import dev.suppression.classification.SmtpStage;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The SMTP stage of one refusal as a bounce tells it. {@link SmtpStage#readFrom} knows the DSN and Postfix/Exim
 * phrases; the layouts read here add what other MTAs write: qmail's fixed sentences ("does not like recipient",
 * "failed after I sent the message", "but sender was rejected", "but my name was rejected"), the command of a
 * Sendmail or InterScan session transcript ({@code >>> RCPT To:} before the {@code <<< 550} reply), and the
 * command names of X3 ({@code SMTP:RCPT}), X6 ("Error following RCPT command") and m-FILTER
 * ({@code -------SMTP command} then {@code DATA}).
 */
final class RefusalStage {

    private record Phrase(SmtpStage stage, String text) { }

    private static final List<Phrase> PHRASES = List.of(
            new Phrase(SmtpStage.RCPT, "does not like recipient"),
            new Phrase(SmtpStage.DATA, "failed after i sent the message"),
            new Phrase(SmtpStage.DATA, "failed on data command"),
            new Phrase(SmtpStage.MAIL, "but sender was rejected"),
            new Phrase(SmtpStage.HELO, "but my name was rejected"),
            new Phrase(SmtpStage.CONNECT, "but greeting failed"),
            new Phrase(SmtpStage.RCPT, "after pipelined rcpt"),
            new Phrase(SmtpStage.MAIL, "after pipelined mail"),
            new Phrase(SmtpStage.DATA, "after pipelined data"),
            new Phrase(SmtpStage.RCPT, "error following rcpt command"),
            new Phrase(SmtpStage.MAIL, "error following mail command"),
            new Phrase(SmtpStage.DATA, "error following data command"),
            new Phrase(SmtpStage.RCPT, "smtp:rcpt"),
            new Phrase(SmtpStage.MAIL, "smtp:mail"),
            new Phrase(SmtpStage.DATA, "smtp:data"),
            new Phrase(SmtpStage.HELO, "smtp:ehlo"),
            new Phrase(SmtpStage.HELO, "smtp:helo"),
            new Phrase(SmtpStage.RCPT, "[rcpt_to]"),
            new Phrase(SmtpStage.MAIL, "[mail_from]"),
            new Phrase(SmtpStage.DATA, "[end_of_data]"),
            new Phrase(SmtpStage.DATA, "after the end of data"),
            // DragonFly Mail Agent "mx.x [192.0.2.1] did not like our RCPT TO:", 1&1 "for RCPT TO command, host:".
            new Phrase(SmtpStage.RCPT, "did not like our rcpt"),
            new Phrase(SmtpStage.MAIL, "did not like our mail"),
            new Phrase(SmtpStage.DATA, "did not like our final data"),
            new Phrase(SmtpStage.DATA, "did not like our data"),
            new Phrase(SmtpStage.HELO, "did not like our ehlo"),
            new Phrase(SmtpStage.HELO, "did not like our helo"),
            new Phrase(SmtpStage.RCPT, "for rcpt to command"),
            new Phrase(SmtpStage.MAIL, "for mail from command"),
            new Phrase(SmtpStage.DATA, "for text command"));
    /** A command line of a session transcript: Sendmail {@code >>> RCPT To:<x>}, InterScan {@code Sent <<< RCPT TO:}. */
    private static final Pattern COMMAND = Pattern.compile("(?i)^\\s*(?:sent\\s+)?(?:>>>|<<<)\\s*(rcpt|mail|data|ehlo|helo|\\.)(?:\\s|$|\\b)");
    /** A refusal line of a transcript: {@code <<< 550 ...}, InterScan {@code Received >>> 550 ...}. */
    private static final Pattern REFUSAL = Pattern.compile("(?i)^\\s*(?:received\\s+)?(?:>>>|<<<)\\s*[45]\\d\\d\\b");
    private static final Pattern MFILTER_COMMAND = Pattern.compile("(?im)^-+smtp command\\s*\\R\\s*([a-z]{4})\\b");

    private RefusalStage() {
    }

    /**
     * The stage named by the diagnostic, else by the lines around it (the recipient's block of the bounce).
     */
    static SmtpStage of(@Nullable String diagnostic, @Nullable String context) {
        var fromDiagnostic = named(diagnostic);
        if (fromDiagnostic != SmtpStage.UNKNOWN) {
            return fromDiagnostic;
        }
        var transcript = transcript(context);
        if (transcript != SmtpStage.UNKNOWN) {
            return transcript;
        }
        if (context != null) {
            var m = MFILTER_COMMAND.matcher(context);
            if (m.find()) {
                return SmtpStage.named(m.group(1));
            }
        }
        return named(context);
    }

    private static SmtpStage named(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return SmtpStage.UNKNOWN;
        }
        var lower = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        for (var phrase : PHRASES) {
            if (lower.contains(phrase.text())) {
                return phrase.stage();
            }
        }
        return SmtpStage.readFrom(lower);
    }

    /** The last command sent before the first refusal of a session transcript. */
    private static SmtpStage transcript(@Nullable String context) {
        if (context == null || !context.contains(">>>")) {
            return SmtpStage.UNKNOWN;
        }
        String command = null;
        for (var line : context.split("\\R")) {
            if (REFUSAL.matcher(line).find()) {
                break;
            }
            var m = COMMAND.matcher(line);
            if (m.find()) {
                command = m.group(1);
            }
        }
        if (command == null) {
            return SmtpStage.UNKNOWN;
        }
        // "." ends the DATA phase: a refusal after it judged the content.
        return command.equals(".") ? SmtpStage.DATA : SmtpStage.named(command);
    }
}
