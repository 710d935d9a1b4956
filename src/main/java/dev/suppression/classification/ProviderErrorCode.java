package dev.suppression.classification;

import static dev.suppression.classification.BounceReason.AUTHENTICATION;
import static dev.suppression.classification.BounceReason.BLOCKED;
import static dev.suppression.classification.BounceReason.FILTERED;
import static dev.suppression.classification.BounceReason.MAILBOX_DISABLED;
import static dev.suppression.classification.BounceReason.MAILBOX_FULL;
import static dev.suppression.classification.BounceReason.MESSAGE_TOO_BIG;
import static dev.suppression.classification.BounceReason.POLICY;
import static dev.suppression.classification.BounceReason.RATE_LIMITED;
import static dev.suppression.classification.BounceReason.RELAYING_DENIED;
import static dev.suppression.classification.BounceReason.SENDER_REJECTED;
import static dev.suppression.classification.BounceReason.SPAM_DETECTED;
import static dev.suppression.classification.BounceReason.SYSTEM;
import static dev.suppression.classification.BounceReason.UNDETERMINED;
import static dev.suppression.classification.BounceReason.USER_UNKNOWN;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The error codes some mailbox providers write into their replies, each documented on the provider's own page;
 * the code decides, whatever wording or status code surrounds it, since those providers pin one status on many
 * causes (Orange answers {@code 552 5.1.1} for a full mailbox). Read as Sisimai's per-provider rules read them
 * ({@code lib/Sisimai/Rhost}: FrancePTT, IUA, Cox, GoDaddy, Spectrum, KDDI, Facebook). An Orange or i.ua code their tables
 * do not list tells nothing for sure, so it never suppresses; an unlisted Cox code leaves the words to decide.
 */
final class ProviderErrorCode {

    /** Orange and La Poste: "LPN416", "OFR_506", "LPN105_104", "OFR004_201". */
    private static final Pattern FRANCE_PTT = Pattern.compile("(?i)\\b(?:LPN|OFR|OUK)(?:_(\\d{3})|\\d{3}[-_](\\d{3})|(\\d{3}))\\b");
    private static final Map<String, BounceReason> FRANCE_PTT_CODES = Map.ofEntries(
            Map.entry("102", BLOCKED), Map.entry("103", BLOCKED), Map.entry("104", RATE_LIMITED),
            Map.entry("305", AUTHENTICATION), Map.entry("401", BLOCKED), Map.entry("402", AUTHENTICATION),
            Map.entry("403", SENDER_REJECTED), Map.entry("405", SENDER_REJECTED), Map.entry("415", SENDER_REJECTED),
            Map.entry("416", USER_UNKNOWN), Map.entry("417", MAILBOX_FULL), Map.entry("418", USER_UNKNOWN),
            Map.entry("420", MAILBOX_DISABLED), Map.entry("421", SENDER_REJECTED), Map.entry("426", MAILBOX_DISABLED),
            Map.entry("505", SYSTEM), Map.entry("506", SPAM_DETECTED), Map.entry("510", BLOCKED),
            Map.entry("514", MESSAGE_TOO_BIG), Map.entry("999", BLOCKED));
    /** i.ua links each refusal to its page: "https://mail.i.ua/err/2/". */
    private static final Pattern IUA = Pattern.compile("(?i)\\.i\\.ua/err/(\\d{1,2})\\b");
    private static final Map<String, BounceReason> IUA_CODES = Map.of("1", RELAYING_DENIED, "2", USER_UNKNOWN,
            "3", MAILBOX_DISABLED, "4", MAILBOX_FULL, "5", RATE_LIMITED, "6", RELAYING_DENIED, "7", BLOCKED,
            "8", SENDER_REJECTED, "9", BLOCKED, "10", FILTERED);
    /**
     * Cox ("AUP#CXBL", "AUP#IPBL0001", "AUP#URLBL011") and Spectrum ("AUP#I-1560", "AUP#O-1010"): every code on
     * their pages is about the sender, its IP or its volume.
     */
    private static final Pattern AUP = Pattern.compile("(?i)\\bAUP#([-A-Z]*)(\\d{0,5})");
    /** GoDaddy's "IB" codes ("... too many invalid recipients. IB112"): each is about the sender or the message. */
    private static final Pattern GODADDY = Pattern.compile("\\bIB(\\d{3})\\b");
    /**
     * au (KDDI) answers "550 : User unknown", with no address, for a recipient whose own filter refused the
     * sender; an unknown recipient is named ("550 &lt;jane@...&gt;: User unknown").
     */
    private static final Pattern KDDI_FILTERED = Pattern.compile("(?i)\\b5\\d\\d : user unknown");

    /** Facebook's response codes ("550 5.1.1 RCP-P1 ...", "POL-P2"), each listed on its postmaster page. */
    private static final Pattern FACEBOOK = Pattern.compile("\\b(RCP|INT|POL|MSG|DNS|CON)-([PT]\\d)\\b");
    private static final Map<String, BounceReason> FACEBOOK_CODES = Map.ofEntries(
            Map.entry("RCP-P1", USER_UNKNOWN), Map.entry("INT-P1", USER_UNKNOWN), Map.entry("INT-P3", USER_UNKNOWN),
            Map.entry("INT-P4", USER_UNKNOWN), Map.entry("RCP-P2", FILTERED), Map.entry("RCP-P3", FILTERED),
            Map.entry("RCP-T4", MAILBOX_DISABLED), Map.entry("RCP-T1", SYSTEM), Map.entry("MSG-P1", MESSAGE_TOO_BIG),
            Map.entry("INT-P2", MESSAGE_TOO_BIG), Map.entry("MSG-P2", POLICY), Map.entry("MSG-P3", POLICY),
            Map.entry("POL-P5", POLICY), Map.entry("POL-P6", SPAM_DETECTED), Map.entry("POL-P7", POLICY),
            Map.entry("DNS-P1", SENDER_REJECTED), Map.entry("DNS-P2", SENDER_REJECTED),
            Map.entry("DNS-T1", SENDER_REJECTED), Map.entry("DNS-P3", BLOCKED), Map.entry("DNS-T2", BLOCKED),
            Map.entry("MSG-T1", RATE_LIMITED));

    private ProviderErrorCode() {
    }

    /** The reason the provider's code in the text gives; empty when the text carries none. */
    static Optional<BounceReason> in(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        var france = FRANCE_PTT.matcher(text);
        if (france.find()) {
            var code = france.group(1) != null ? france.group(1) : france.group(2) != null ? france.group(2) : france.group(3);
            return Optional.of(FRANCE_PTT_CODES.getOrDefault(code, UNDETERMINED));
        }
        var iua = IUA.matcher(text);
        if (iua.find()) {
            return Optional.of(IUA_CODES.getOrDefault(iua.group(1), UNDETERMINED));
        }
        var aup = AUP.matcher(text);
        if (aup.find()) {
            var letters = aup.group(1).toUpperCase(java.util.Locale.ROOT);
            if (letters.startsWith("URLBL")) {
                return Optional.of(SPAM_DETECTED);
            }
            if (letters.contains("BL") || letters.equals("CXDNS")) {
                return Optional.of(BLOCKED);
            }
            if (letters.equals("CXCNCT") || letters.equals("CXMXRT")) {
                return Optional.of(RATE_LIMITED);
            }
            if (letters.equals("CXSNDR")) {
                return Optional.of(AUTHENTICATION);
            }
            if (letters.equals("CXSMTP") || letters.equals("CXTHRT") || letters.equals("CXMJ")
                    || !aup.group(2).isEmpty()) {
                // Cox's account and protocol codes, and Spectrum's numbered ones (AUP#I-1000 to AUP#O-1580).
                return Optional.of(POLICY);
            }
            // A code neither page lists: the words around it decide.
        }
        var godaddy = GODADDY.matcher(text);
        if (godaddy.find()) {
            return Optional.of(switch (godaddy.group(1)) {
                case "212" -> SPAM_DETECTED;
                case "705" -> POLICY;
                case "007", "101", "504", "510", "605", "607" -> RATE_LIMITED;
                case "401", "508" -> AUTHENTICATION;
                case "501", "502", "506" -> SENDER_REJECTED;
                default -> BLOCKED;
            });
        }
        var facebook = FACEBOOK.matcher(text);
        if (facebook.find()) {
            var code = facebook.group(1) + "-" + facebook.group(2);
            var reason = FACEBOOK_CODES.get(code);
            if (reason != null) {
                return Optional.of(reason);
            }
            if (code.startsWith("POL-")) {
                return Optional.of(BLOCKED);
            }
            if (code.startsWith("CON-")) {
                return Optional.of(RATE_LIMITED);
            }
        }
        if (KDDI_FILTERED.matcher(text).find()) {
            return Optional.of(FILTERED);
        }
        return Optional.empty();
    }
}
