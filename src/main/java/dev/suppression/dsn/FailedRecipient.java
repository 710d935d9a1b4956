package dev.suppression.dsn;

import dev.suppression.classification.SmtpStage;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One recipient a bounce message reports as failed or delayed, as read from the message and not yet validated.
 *
 * @param recipient      the address the sender mailed: the DSN's {@code Original-Recipient} when it gives an
 *                       Internet address, otherwise its {@code Final-Recipient} (or the address in the text)
 * @param finalRecipient the address the reporting MTA tried last, when it differs from {@code recipient}
 *                       (a forward or alias)
 * @param status         the RFC 3463 code to classify by: the reported {@code Status}, the more specific code of
 *                       the diagnostic when the status is generic ({@code 5.0.0}), and always class 4 when delayed
 * @param smtpCode       the reply code found in the diagnostic
 * @param diagnostic     the SMTP response (or the MTA's own explanation), unfolded, without its {@code smtp;} type
 * @param stage          the point of the SMTP dialogue the refusal came at, as the bounce tells it (the
 *                       diagnostic, the MTA's own words, a session transcript), or {@link SmtpStage#UNKNOWN}
 * @param remoteMta      the host that refused the message: the one the bounce names, else the reporting host
 *                       (which then refused it itself)
 * @param reportingMta   the host that wrote the bounce
 * @param lastAttempt    when delivery was last tried, when the bounce says
 * @param evidence       the lines of the bounce about this recipient, for a refusal's record
 */
record FailedRecipient(String recipient, @Nullable String finalRecipient, DeliveryAction action,
                              @Nullable String status, @Nullable Integer smtpCode, @Nullable String diagnostic,
                              SmtpStage stage, @Nullable String remoteMta, @Nullable String reportingMta, @Nullable Instant lastAttempt,
                              String evidence) {
}
