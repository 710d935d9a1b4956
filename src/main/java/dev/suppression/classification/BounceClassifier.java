package dev.suppression.classification;

import static dev.suppression.classification.BounceReason.AUTHENTICATION;
import static dev.suppression.classification.BounceReason.BLOCKED;
import static dev.suppression.classification.BounceReason.EXPIRED;
import static dev.suppression.classification.BounceReason.FILTERED;
import static dev.suppression.classification.BounceReason.HOST_UNKNOWN;
import static dev.suppression.classification.BounceReason.MAILBOX_DISABLED;
import static dev.suppression.classification.BounceReason.MAILBOX_FULL;
import static dev.suppression.classification.BounceReason.MAILBOX_MOVED;
import static dev.suppression.classification.BounceReason.MESSAGE_TOO_BIG;
import static dev.suppression.classification.BounceReason.NETWORK;
import static dev.suppression.classification.BounceReason.NOT_ACCEPTING_MAIL;
import static dev.suppression.classification.BounceReason.POLICY;
import static dev.suppression.classification.BounceReason.RATE_LIMITED;
import static dev.suppression.classification.BounceReason.RELAYING_DENIED;
import static dev.suppression.classification.BounceReason.SENDER_REJECTED;
import static dev.suppression.classification.BounceReason.SPAM_DETECTED;
import static dev.suppression.classification.BounceReason.SYSTEM;
import static dev.suppression.classification.BounceReason.UNDETERMINED;
import static dev.suppression.classification.BounceReason.USER_UNKNOWN;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The classification table. It decides a {@link BounceReason} and, from it, the public {@link Classification}.
 * The enhanced status code decides when it names a specific condition; when it is absent, generic
 * ({@code 5.0.0}) or only names a family ({@code 5.1.0}, {@code 5.3.0}, {@code 5.5.x}), the diagnostic text
 * decides, with the reply code to tell permanent from temporary.
 *
 * <p>The codes and phrases are those mailbox operators and ESPs document, and those open-source bounce
 * classifiers read. A policy block never becomes a hard bounce: a 5.7.x code keeps the reason inside the
 * policy family whatever the text says, and without a code the policy, block, spam and authentication phrases
 * are read before any "user unknown" wording, because the address exists and the fix is on the sending side.
 */
public final class BounceClassifier {

    /**
     * What a layout adds to a diagnostic that the recipient domain's own receipt rule produced (Amazon SES
     * receiving), whatever template the rule chose: the classifier reads it as the recipient's filter, never as a
     * finding that the mailbox does not exist.
     */
    public static final String RECEIPT_RULE_NOTE = "bounced by a receipt rule of the recipient's domain";

    /** Rejections of our own envelope sender: a sending-side problem, whatever code and wording come with it. */
    private static final List<String> SENDER_REJECTED_PHRASES = List.of(
            "sender address rejected", "sender verify failed", "verification failed for",
            "domain of sender address", "sender domain", "sender rejected", "invalid sender", "sender is invalid",
            "unroutable sender address", "unrouteable sender address", "null sender is not allowed",
            "empty envelope senders", "mail from not owned by user", "sender not pre-approved",
            "your email address has been blacklisted", "returned mail not accepted here", "emetteur invalide",
            "expediteur invalide", "absender ungultig", "from a different address or alias using the",
            "too many spam complaints", "has an outgoing mail suspension", "sender is spammer",
            "fully qualified email address required", "mailfrom domain is listed in",
            "does not accept mail from", "is a dead domain", "not a registered gateway user",
            // A mailing list or group (Google Groups among them) refusing a poster: the sender may not post there.
            "permission to post", "not allowed to post", "not authorized to post", "not authorised to post",
            "members-only list", "members only list", "non-member", "not open to posting",
            "group you tried to contact", "autorise a y publier", "autorise a publier", "autorisation de publier",
            "autorisation pour publier", "groupe que vous avez tente de contacter", "keine berechtigung");

    /**
     * Block lists and the sending host's own standing: a refusal of us, not of the recipient, even when the
     * receiver chose a 5.1.x code for it (some answer 550 5.1.1 to a listed IP).
     */
    private static final List<String> BLOCK_LIST_PHRASES = List.of(
            "spamhaus", "spamcop", "blocked using", "blacklist", "blocklist", "block list",
            "black list", "listed at", "listed on", "dnsbl", "rbl", "reputation",
            "banned sending ip", "banned sender", "barracuda", "sorbs", "uceprotect", "senderscore",
            "ip is in", "connections will not be accepted", "client host rejected", "[bl21]", "[bl22]",
            "[bl23]", "abusix", "invaluement", "sender score", "bad sender ip", "sender ip address rejected",
            "access from ip address", "mail from your ip", "from your ip address", "dynamic ip", "dynamic/zombied",
            "zombie", "open proxy", "listed as abusive", "cannot find your hostname", "cannot resolve your address",
            "may not be mail exchanger", "mismatches client ip", "too many spams from your ip",
            "unresolvable relay host", "not allowed to connect", "ip name lookup failed",
            "unverifyable sending ip", "unverifiable sending ip", "on our block list", "is blacklisted",
            "blocked by spamhaus", "ip address blocked", "ip blocked", "your ip",
            // Cox, GoDaddy and Spectrum block a sender that mailed too many unknown addresses, whatever code they pin.
            "too many invalid recipients", "too many bad recipients", "too many unknown recipients");


    /**
     * A mailbox that exists but is switched off for now; read before "user unknown" even under 5.1.1, since the
     * account may come back. A closed or expired account is not among them: under 5.1.1 it is gone.
     */
    private static final List<String> SUSPENDED_PHRASES = List.of(
            "suspended", "disabled", "deactivated", "is frozen", "temporarily inactive", "temporary locked",
            "temporarily locked", "is terminated", "archived recipient", "destinataire archivee", "inactive user",
            "this address no longer accepts mail", "discontinued", "suspend the service",
            // Yahoo's "554 delivery error: dd jane@yahoo.com is no longer valid.": a mailbox it closed for now.
            "dd is no longer valid");

    /** notqmail's words for a domain whose MX is null (RFC 7505). */
    private static final String NO_MAIL_EXCHANGER = "couldn't find a mail exchanger or ip address";

    /** The text column, in order: the first rule whose phrase occurs decides. */
    private static final List<Rule> TEXT_RULES = List.of(
            new Rule(AUTHENTICATION, "spf", "dkim", "dmarc", "sender policy framework", "unauthenticated",
                    "not authenticated", "authentication required", "authentication failed", "failed authentication",
                    "authentication checks", "domainkeys", "arc validation", "reverse dns", "ptr record",
                    "does not have a ptr"),
            new Rule(BLOCKED, BLOCK_LIST_PHRASES),
            new Rule(RELAYING_DENIED, "relay access denied", "relaying denied", "relay denied", "relay not permitted",
                    "not permitted to relay", "unable to relay", "relaying not allowed", "relay not allowed",
                    "we do not relay", "relaying disallowed", "relaying to", "not our customer"),
            new Rule(SPAM_DETECTED, "spam", "unsolicited", "junk mail", "bulk mail", "bulk email",
                    "suspicious", "phishing", "scam"),
            new Rule(RATE_LIMITED, "rate limit", "ratelimit", "rate-limit", "too many connections", "too many messages",
                    "too many recipients", "too many mails", "too many emails", "too many concurrent",
                    "too many sessions", "rate that prevents", "too quickly", "too fast",
                    "receiving mail at a rate", "unexpected volume", "temporarily deferred", "deferred due to",
                    "throttl", "exceeded the rate", "sending rate", "connection rate", "message rate",
                    "sending quota", "[ts01]", "[ts02]", "[ts03]", "[ts04]", "slow down", "try again later, closing",
                    // Tencent QQ's frequency limit, misspelt as QQ writes it.
                    "mailbox unavailable or access denined"),
            new Rule(MAILBOX_FULL, "mailbox full", "mailbox is full", "mailbox is over", "over quota", "quota exceeded",
                    "exceeded storage", "exceeds quota", "exceeded quota", "exceeded its quota", "out of storage",
                    "storage quota", "mailbox size limit", "mailbox exceeds", "account is full", "inbox is full",
                    "user is over", "over its quota", "disk quota", "insufficient disk space", "postfach voll",
                    "postfach ist voll", "speicherplatz", "boite pleine", "boite aux lettres pleine",
                    "casella piena", "buzon lleno", "caixa postal cheia", "caixa de correio cheia", "mailbox vol"),
            new Rule(MESSAGE_TOO_BIG, "message too big", "message is too big", "message too large",
                    "message is too large", "too large", "message size exceeds", "exceeds the maximum",
                    "size limit", "message size", "larger than the current system limit", "message length exceeds",
                    "exceeds size", "maximum allowed size", "mail size"),
            new Rule(POLICY, "policy", "policies", "not authorized", "rejected for", "prohibited", "content rejected",
                    "message content", "content filter", "virus", "malware", "infected", "attachment",
                    "not allowed", "forbidden", "filtered", "greylist", "graylist"),
            // Sisimai's "filtered": the recipient's own rules refused the sender or the message.
            new Rule(FILTERED, "message filtered", "user rules", "user refuses to receive", "user reject",
                    "refused due to recipient preferences", "only accepting mail from specific",
                    "blocked by the recipient", "refuse to receive mail", "account is protected by",
                    "not found recipient account", "is not accepting any mail", "restricted sms e-mail",
                    RECEIPT_RULE_NOTE),
            // Postfix's access table refusing the recipient by name; read before the bare "access denied" below.
            new Rule(USER_UNKNOWN, "recipient address rejected: access denied"),
            new Rule(BLOCKED, "blocked", "banned", "access denied", "denied by", "refused by",
                    "rejected by the recipient domain"),
            // Sisimai's "notaccept" wordings that would otherwise read as a disabled mailbox or nothing at all.
            new Rule(NOT_ACCEPTING_MAIL, "mail receiving disabled", "no route for current request",
                    "smtp protocol returned a permanent error", "an mx or srv record indicated no smtp service",
                    "no host found for existing smtp connection", NO_MAIL_EXCHANGER),
            new Rule(MAILBOX_DISABLED, "disabled", "suspended", "deactivated", "mailbox is frozen", "account is frozen",
                    "account is locked", "account is inactive", "inactive account", "temporarily inactive",
                    "has been closed", "account closed", "account has expired", "account expired",
                    "gesperrt", "desactive", "sospeso", "suspendida", "temporary locked", "temporarily locked",
                    "archived recipient", "destinataire archivee", "user is terminated", "suspend the service",
                    "discontinued", "inactive user", "this address no longer accepts mail", "dd is no longer valid"),
            new Rule(NOT_ACCEPTING_MAIL, "null mx", "nullmx", "domain does not accept mail",
                    "domain is not accepting mail", "does not accept mail", "accepts no mail",
                    "does not receive mail", "not accepting mail", "doesn't accept mail"),
            new Rule(HOST_UNKNOWN, "host unknown", "unknown host", "domain not found", "no such domain",
                    "domain does not exist", "domain name not found", "unrouteable address", "unroutable address",
                    "unrouteable mail domain", "no mx record", "host not found", "name service error", "nxdomain",
                    "non-existent domain", "nonexistent domain", "unknown domain", "domain unknown",
                    "domain is invalid", "invalid domain", "bad destination system", "all relevant mx records point",
                    "domaine inexistant", "domaine introuvable", "hote inconnu", "dominio inesistente", "dominio no existe",
                    "domain must exist", "mail domain mentioned in email address is unknown",
                    "name or service not known", "domain is not reachable", "host unreachable",
                    "the account or domain may not exist", "all host address lookups failed permanently"),
            new Rule(USER_UNKNOWN, "user unknown", "unknown user", "no such user", "does not exist", "doesn't exist",
                    "invalid recipient", "mailbox not found", "unknown recipient", "recipient unknown",
                    "no such mailbox", "mailbox unavailable", "mailbox does not exist", "no mailbox here",
                    "address rejected: user", "unknown address", "invalid mailbox", "user not found",
                    "recipient not found", "recipientnotfound", "recipnotfound", "no such recipient",
                    "account does not exist", "not a valid mailbox", "not a valid recipient", "address not found",
                    "user doesn't have a", "user does not have a", "recipient doesn't have a", "no longer available",
                    "no longer accepts mail", "invalid address", "bad address", "address invalid", "undeliverable address",
                    "unknown or illegal alias", "no such person", "user missing home directory", "not a known user",
                    "no account by that name", "not listed in", "mailbox unknown", "account unavailable",
                    "is not a valid user", "address unknown", "unbekannt", "existiert nicht", "gibt es nicht",
                    "ungultige empfangeradresse", "inconnu", "n'existe pas", "inexistant", "introuvable",
                    "desconocido", "no existe", "sconosciuto", "non esiste", "inesistente", "desconhecido",
                    "nao existe", "inexistente", "onbekend", "bestaat niet", "niet gevonden",
                    // Wordings of the field that the phrases above miss; each names a recipient nobody holds.
                    "user not known", "user not exist", "recipient not exist", "recipient not ok", "unknown mailbox",
                    "unknown local part", "unknown local-part", "unknown e-mail address", "unknown email address",
                    "no valid recipients", "email name is not found", "mailbox not present",
                    "not present in directory", "rejected recipients", "addresses were unknown",
                    "no one at this address", "mailbox is inactive", "user not active", "not an active address",
                    "mailbox is unavailable", "mailbox unavaiable", "mailbox invalid", "no mailbox found",
                    "no such address", "no mail box available", "no mailbox by that name", "can't accept user",
                    "cannot accept user", "not a local address", "recipient is not local", "recipient is not accepted",
                    "recipient refuses to accept your mail", "badrcptto", "validrcptto", "badrecipientto",
                    "domain or user isn't in my list of allowed rcpthosts",
                    "envelope recipient has been denied", "5.1.0 address rejected", "nessun utente",
                    "utente inesistente", "benutzer unbekannt", "empfanger unbekannt", "adresse invalide",
                    "destinataire inconnu", "destinataire invalide", "usuario desconocido", "non-existent user",
                    "nonexistent user", "non existent user", "is not a valid address", "address is not valid",
                    "is no longer active", "no such account", "account not found", "email account does not exist",
                    "user was not found", "recipient was not found", "address was not found", "mailbox was not found",
                    "following recipients was undeliverable", "unknown virtual user",
                    // Sisimai's userunknown wordings (v5) the lists above missed.
                    "email address could not be found", "not a valid user", "is wrong or no longer valid",
                    "bad_recipient", "bad recipient", "bad-recipient", "adresse nicht gefunden",
                    "utilisateur inconnu", "this spectator does not exist", "invalid-recipient",
                    "recipient address rejected: userunknown",
                    // Exchange refuses a recipient in a domain RFC 2606 reserves (.example, .invalid, .test).
                    "recipient address reserved by rfc 2606",
                    "5.0.0. mail rejected.",
                    // Japanese: Lotus Notes' "not in the directory's list", "no such user", "address unknown".
                    "ディレクトリのリストにありません", "ユーザーが存在しません", "ユーザが存在しません",
                    "該当ユーザーがいません", "宛先不明", "宛先のメールアドレスが見つかりません"),
            new Rule(MAILBOX_MOVED, "has been replaced by", "has moved", "mailbox moved", "user not local", "no forwarding address",
                    "address has changed", "is no longer valid"),
            new Rule(EXPIRED, "expired", "retry timeout exceeded", "retry time exceeded", "too long in the queue",
                    "in the queue too long", "queue too long", "could not be delivered within",
                    "message timed out", "max retries", "maximum retries",
                    "retry time not reached for any host after a long failure period"),
            new Rule(NETWORK, "connection refused", "connection timed out", "timed out", "timeout",
                    "connection reset", "no route to host", "network is unreachable", "network unreachable",
                    "lost connection", "connection closed", "could not connect", "unable to connect",
                    "connect to", "connection dropped", "tls negotiation failed", "starttls", "mail loop",
                    "routing loop", "hop count exceeded", "too many hops", "loops back to myself", "mx points to"),
            new Rule(SYSTEM, "system error", "local error", "internal error", "error in processing",
                    "system failure", "insufficient system storage", "system storage", "resources temporarily",
                    "server busy", "system busy", "out of memory", "temporary local problem", "mail system full",
                    "try again later", "service temporarily unavailable", "temporary failure"));

    private static final String RECIPIENT_REJECTED = "recipient address rejected";
    /** qmail's lists of the recipients a host has not (badrcptto, badrecipientto) or only has (validrcptto). */
    private static final List<String> QMAIL_RECIPIENT_LISTS = List.of("in my badrcptto list",
            "in my badrecipientto list", "not in my validrcptto list");
    /**
     * Sentences naming the recipient between their words, which the address-free text loses: "&lt;jane@x&gt; not
     * found", "User jane was not found", "User (jane) unknown", "Recipient jane was not found in LDAP",
     * "RCPT (jane) doesn't exist".
     */
    private static final Pattern RECIPIENT_NAMED_NOT_FOUND = Pattern.compile("(?i)<[^<>\\s@]+@[^<>\\s]+>:?\\s+not found"
            + "|\\buser\\s+\\S+\\s+was not found|\\buser\\s+\\(\\S+\\)\\s+unknown|\\brecipient\\s+\\S+\\s+was not found in"
            + "|\\brcpt\\s+\\(\\S+\\)\\s+doesn't exist");
    /** The recipient's domain does not resolve at all: Postfix's and Exchange's words for NXDOMAIN. */
    private static final List<String> NXDOMAIN_PHRASES = List.of("host or domain name not found",
            "name service error for name=", "nonexistentdomain", "nonexistent domain", "non-existent domain",
            "dns domain", "domain does not exist");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private record Rule(BounceReason reason, List<String> phrases) {
        Rule {
            // A phrase is compared with the normalized text, so it loses its marks the same way (Japanese voiced
            // kana decompose: "ディレクトリ" is compared as its base letters).
            phrases = phrases.stream().map(phrase -> Normalizer.normalize(phrase, Normalizer.Form.NFD)
                    .replaceAll("\\p{M}+", "")).toList();
        }

        Rule(BounceReason reason, String... phrases) {
            this(reason, List.of(phrases));
        }
    }

    /**
     * Classifies one bounce from whatever the reporter gave: any of the three may be missing. The SMTP stage is
     * read from the text.
     */
    public BounceDiagnosis classify(@Nullable Integer replyCode, @Nullable String enhancedCode,
                                    @Nullable String diagnostic) {
        return classify(replyCode, enhancedCode, diagnostic, SmtpStage.UNKNOWN);
    }

    /**
     * Classifies one bounce refused at {@code stage}; a stage the reporter did not know ({@link SmtpStage#UNKNOWN})
     * is read from the text. The {@link StageRule} has the last word: a refusal before {@code RCPT} or after
     * {@code DATA} does not suppress.
     */
    public BounceDiagnosis classify(@Nullable Integer replyCode, @Nullable String enhancedCode,
                                    @Nullable String diagnostic, SmtpStage stage) {
        var known = stage != SmtpStage.UNKNOWN ? stage : SmtpStage.readFrom(diagnostic);
        var text = diagnostic == null ? "" : diagnostic;
        var normalizedText = normalize(text);
        return StageRule.apply(byCodesAndText(replyCode, enhancedCode, text, normalizedText), known, normalizedText);
    }

    private BounceDiagnosis byCodesAndText(@Nullable Integer replyCode, @Nullable String enhancedCode, String text,
                                           String normalizedText) {
        var reply = Optional.ofNullable(replyCode).filter(SmtpReplyCode::isValid).map(SmtpReplyCode::new)
                .or(() -> SmtpReplyCode.find(text)).orElse(null);
        var enhanced = Optional.ofNullable(enhancedCode).flatMap(EnhancedStatusCode::parse)
                .or(() -> EnhancedStatusCode.find(text)).orElse(null);
        var byProvider = ProviderErrorCode.in(text);
        if (byProvider.isPresent()) {
            return diagnosis(byProvider.get(), (reply != null && reply.isTransient())
                    || (enhanced != null && enhanced.isTransient()), reply, enhanced);
        }
        if (containsAny(normalizedText, SENDER_REJECTED_PHRASES)) {
            return diagnosis(SENDER_REJECTED, false, reply, enhanced);
        }
        var byCode = enhanced == null ? Optional.<BounceReason>empty() : byEnhancedCode(enhanced, normalizedText, reply);
        if (byCode.isPresent()) {
            if (enhanced.isTransient() && byCode.get() == MAILBOX_FULL && !isMailboxFull(enhanced)) {
                // A temporary code the reporter chose (Postmark pins 4.0.0 on every soft bounce) decides the
                // family; only x.2.2 itself says the mailbox is full.
                return new BounceDiagnosis(MAILBOX_FULL, Classification.TRANSIENT, reply, enhanced);
            }
            return diagnosis(byCode.get(), enhanced.isTransient(), reply, enhanced);
        }
        boolean temporary = (reply != null && reply.isTransient()) || (enhanced != null && enhanced.isTransient());
        boolean success = !temporary && ((enhanced != null && enhanced.statusClass() == 2)
                || (enhanced == null && reply != null && reply.value() / 100 == 2));
        if (success) {
            return diagnosis(UNDETERMINED, false, reply, enhanced);
        }
        return diagnosis(byText(normalizedText, text, reply, enhanced), temporary, reply, enhanced);
    }

    private static BounceDiagnosis diagnosis(BounceReason reason, boolean temporary, @Nullable SmtpReplyCode reply,
                                             @Nullable EnhancedStatusCode enhanced) {
        return new BounceDiagnosis(reason, reason.classification(temporary), reply, enhanced);
    }

    /**
     * The table's code column; empty when the code alone does not decide. A code that names only a family
     * ({@code 5.4.x}, {@code 5.7.x}) takes the finer reason from the text, but never leaves its family.
     */
    private static Optional<BounceReason> byEnhancedCode(EnhancedStatusCode code, String text,
                                                        @Nullable SmtpReplyCode reply) {
        if (code.statusClass() == 2) {
            return Optional.of(UNDETERMINED);
        }
        if (isMailboxFull(code)) {
            return Optional.of(MAILBOX_FULL);
        }
        if (code.subject() == 7) {
            if (!code.isTransient() && containsAny(text, QMAIL_RECIPIENT_LISTS)) {
                // qmail's badrcptto/validrcptto patches pin (#5.7.1) on a recipient the host's list says it lacks.
                return Optional.of(USER_UNKNOWN);
            }
            // 5.7.x and 4.7.x: security or policy status. Whatever else the text says, the address exists.
            return Optional.of(textReason(text)
                    .filter(r -> r.classification(false) == Classification.POLICY)
                    .orElseGet(() -> policyByCode(code)));
        }
        if (code.isTransient()) {
            // The classification is TRANSIENT either way; the reason says what the receiver was waiting for.
            if (code.subject() == 4) {
                return Optional.of(textReason(text).filter(r -> r == EXPIRED || r == NETWORK || r == RATE_LIMITED)
                        .orElseGet(() -> transientByCode(code)));
            }
            return Optional.of(textReason(text).orElseGet(() -> transientByCode(code)));
        }
        return switch (code.subject()) {
            case 1 -> addressStatus(code, text, reply);
            case 2 -> switch (code.detail()) {
                // 5.2.0 is "other mailbox status": an "unknown user" under it is the mailbox's own filter refusing
                // the message (Japanese carriers answer so after DATA; Sisimai reads 5.2.0 as filtered).
                case 0 -> textReason(text).filter(r -> r == USER_UNKNOWN).map(r -> FILTERED);
                case 1 -> Optional.of(MAILBOX_DISABLED);
                case 3 -> Optional.of(MESSAGE_TOO_BIG);
                default -> Optional.empty();
            };
            case 3 -> switch (code.detail()) {
                case 4 -> Optional.of(MESSAGE_TOO_BIG);
                // 5.3.2 "system not accepting network messages" (Exchange's ABP routing answers it for a
                // recipient outside the address book): a refusal of all mail, unless its words are a policy's.
                case 2 -> Optional.of(textReason(text).filter(r -> r.classification(false) == Classification.POLICY)
                        .orElse(NOT_ACCEPTING_MAIL));
                default -> Optional.of(textReason(text).orElse(SYSTEM));
            };
            case 4 -> Optional.of(routingStatus(code, text));
            // 5.5.4 is a command's argument refused: "501 5.5.4 Invalid domain name" is our HELO's, not the recipient's.
            case 5 -> code.detail() == 4 ? textReason(text).filter(r -> r == HOST_UNKNOWN || r == USER_UNKNOWN)
                    .map(r -> BLOCKED) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** 5.1.x: addressing status. */
    private static Optional<BounceReason> addressStatus(EnhancedStatusCode code, String text,
                                                        @Nullable SmtpReplyCode reply) {
        return switch (code.detail()) {
            // 5.1.3 is bad destination mailbox address syntax: no such mailbox can exist. Some receivers pin 5.1.1
            // on a block-list hit, a relay refusal, a full or suspended mailbox; their words then decide, as
            // Sisimai does (it reads those reasons before "user unknown" even under 5.1.1).
            case 1, 3 -> Optional.of(containsAny(text, BLOCK_LIST_PHRASES) ? BLOCKED
                    : containsAny(text, SUSPENDED_PHRASES) ? MAILBOX_DISABLED
                    : textReason(text).filter(r -> r == RELAYING_DENIED || r == MAILBOX_FULL || r == FILTERED)
                            .orElse(USER_UNKNOWN));
            // 5.1.2: the domain is unknown, unless the words say the recipient's own filter ("User reject"), a
            // policy or a network failure refused it.
            case 2 -> Optional.of(textReason(text).filter(r -> r == FILTERED || r == NETWORK
                    || r.classification(false) == Classification.POLICY).orElse(HOST_UNKNOWN));
            // RFC 7505 null MX answers 556 5.1.10; Microsoft 365 answers 550 5.1.10 when the recipient is unknown.
            case 10 -> Optional.of((reply != null && reply.value() == 556)
                    || textReason(text).filter(r -> r == NOT_ACCEPTING_MAIL).isPresent()
                    || text.isBlank() && reply == null ? NOT_ACCEPTING_MAIL : USER_UNKNOWN);
            case 6 -> Optional.of(textReason(text).filter(r -> r == USER_UNKNOWN).orElse(MAILBOX_MOVED));
            // The sender's own address was refused: a sending-side problem, like a policy block.
            case 7, 8 -> Optional.of(SENDER_REJECTED);
            default -> Optional.empty();
        };
    }

    /** 5.4.x: network and routing status. */
    private static BounceReason routingStatus(EnhancedStatusCode code, String text) {
        // Exchange Online's directory-based edge blocking: the recipient is not in the tenant's directory.
        if (code.detail() == 1 && text.contains(RECIPIENT_REJECTED + ": access denied")) {
            return USER_UNKNOWN;
        }
        if (code.detail() == 7) {
            return EXPIRED;
        }
        if (code.detail() == 310 || text.contains("smtpsend.dns.nonexistentdomain")) {
            // Exchange's own DNS lookup of the recipient domain failing (5.4.310 "DNS domain ... does not exist",
            // 5.4.4 SMTPSEND.DNS.NonExistentDomain): Sisimai's Microsoft rules read both as routing failures
            // (norelaying, networkerror), not as a domain that is gone, and a tenant's resolver can be wrong.
            return NETWORK;
        }
        if (text.contains(NO_MAIL_EXCHANGER)) {
            // notqmail's answer to a null MX (#5.4.4): the domain takes no mail at all.
            return NOT_ACCEPTING_MAIL;
        }
        // Postfix (5.4.4 "Host or domain name not found") says so when the recipient's domain does not resolve at
        // all. Other "host unknown" texts under 5.4.x stay
        // NETWORK: Postmark, for one, pins 5.4.4 on what it calls a temporary DNS error.
        if (containsAny(text, NXDOMAIN_PHRASES)) {
            return HOST_UNKNOWN;
        }
        return textReason(text).filter(r -> r == EXPIRED || r == NETWORK || r == RATE_LIMITED).orElse(NETWORK);
    }

    private static boolean isMailboxFull(EnhancedStatusCode code) {
        return code.subject() == 2 && code.detail() == 2;
    }

    private static BounceReason policyByCode(EnhancedStatusCode code) {
        if (code.detail() >= 20 && code.detail() <= 26) {
            // RFC 7372: 5.7.20 to 5.7.26 are the DKIM, SPF and DMARC failures.
            return AUTHENTICATION;
        }
        return switch (code.detail()) {
            case 7, 8, 9, 14 -> AUTHENTICATION;
            case 27 -> SENDER_REJECTED;
            case 28 -> RATE_LIMITED;
            default -> POLICY;
        };
    }

    private static BounceReason transientByCode(EnhancedStatusCode code) {
        return switch (code.subject()) {
            case 1 -> code.detail() == 1 ? USER_UNKNOWN : code.detail() == 2 ? HOST_UNKNOWN : UNDETERMINED;
            case 2 -> code.detail() == 1 ? MAILBOX_DISABLED : code.detail() == 3 ? MESSAGE_TOO_BIG : UNDETERMINED;
            case 3 -> SYSTEM;
            case 4 -> code.detail() == 7 ? EXPIRED : NETWORK;
            case 5 -> code.detail() == 3 ? RATE_LIMITED : UNDETERMINED;
            default -> UNDETERMINED;
        };
    }

    /** The table's text column, used when the code is missing, generic or names only a family. */
    private static BounceReason byText(String text, String rawText, @Nullable SmtpReplyCode reply,
                                       @Nullable EnhancedStatusCode enhanced) {
        var byText = textReason(text);
        if (byText.isPresent()) {
            return byText.get();
        }
        // qmail-remote's "192.0.2.1 does not like recipient." with no reply of its own: the host refused the
        // address at RCPT (Sisimai reads it as userunknown; given up for queue age it reads expired, above).
        if (text.contains(RECIPIENT_REJECTED) || text.contains("does not like recipient")
                || RECIPIENT_NAMED_NOT_FOUND.matcher(rawText).find()) {
            return USER_UNKNOWN;
        }
        if (enhanced == null && reply != null && (reply.value() == 556 || reply.value() == 521)) {
            // RFC 7505 and RFC 7504: the domain, or this host, does not accept mail at all.
            return NOT_ACCEPTING_MAIL;
        }
        return UNDETERMINED;
    }

    private static Optional<BounceReason> textReason(String text) {
        for (var rule : TEXT_RULES) {
            if (containsAny(text, rule.phrases())) {
                return Optional.of(rule.reason());
            }
        }
        return Optional.empty();
    }

    /**
     * True when one of the phrases occurs at a word start ("spf" does not match inside "mspf", while
     * "blacklist" still matches "blacklisted").
     */
    static boolean containsAny(String text, List<String> phrases) {
        for (var phrase : phrases) {
            int from = 0;
            int at;
            while ((at = text.indexOf(phrase, from)) >= 0) {
                // Scripts written without spaces between words (Japanese, Chinese: from U+2E80 on) have no word start.
                if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)) || !Character.isLetterOrDigit(phrase.charAt(0))
                        || phrase.charAt(0) >= '\u2E80') {
                    return true;
                }
                from = at + 1;
            }
        }
        return false;
    }

    /** Lower case, addresses removed, accents and typographic apostrophes dropped, white space collapsed. */
    static String normalize(String text) {
        var lower = withoutAddresses(text).toLowerCase(Locale.ROOT).replace('’', '\'');
        if (!isAscii(lower)) {
            lower = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        }
        return collapseWhitespace(lower);
    }

    /** Each run of white space (as the regex {@code \\s+} means it) becomes one space. */
    private static String collapseWhitespace(String text) {
        var out = new StringBuilder(text.length());
        boolean inSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isRegexSpace(c)) {
                if (!inSpace) {
                    out.append(' ');
                    inSpace = true;
                }
            } else {
                out.append(c);
                inSpace = false;
            }
        }
        return out.toString();
    }

    /**
     * Replaces each echoed address with a space: an angle-bracketed {@code <anything-without-space>}, or a
     * {@code local@domain} token that starts at the beginning or after a separator (white space or one of
     * {@code <>"',;()[]}). A scanner rather than a regex with a look-behind: every bounce's text goes through
     * here, and the regex was the largest single cost of ingesting a batch.
     */
    static String withoutAddresses(String text) {
        if (text.indexOf('@') < 0 && text.indexOf('<') < 0) {
            return text;
        }
        int n = text.length();
        var out = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '<') {
                int j = i + 1;
                while (j < n && text.charAt(j) != '<' && text.charAt(j) != '>' && !isRegexSpace(text.charAt(j))) {
                    j++;
                }
                // A bracketed URL (a bare "553 <https://www.spamhaus.org/...>") is the reason, not an echo: keep it.
                if (j < n && text.charAt(j) == '>' && !text.startsWith("http", i + 1)) {
                    out.append(' ');
                    i = j + 1;
                    continue;
                }
            } else if (c != '@' && !isSeparator(c) && (i == 0 || isSeparator(text.charAt(i - 1)))) {
                int at = i;
                while (at < n && text.charAt(at) != '@' && !isSeparator(text.charAt(at))) {
                    at++;
                }
                if (at < n && text.charAt(at) == '@') {
                    int end = at + 1;
                    while (end < n && !isSeparator(text.charAt(end))) {
                        end++;
                    }
                    if (end > at + 1) {
                        out.append(' ');
                        i = end;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** What ends an address token: white space (as the regex {@code \\s} means it) or {@code <>"',;()[]}. */
    private static boolean isSeparator(char c) {
        return isRegexSpace(c) || "<>\"',;()[]".indexOf(c) >= 0;
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
