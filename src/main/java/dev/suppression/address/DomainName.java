package dev.suppression.address;

import com.ibm.icu.text.IDNA;
import java.util.EnumSet;
import java.util.Locale;

/**
 * A recipient domain in its canonical form: lower-case ASCII, internationalized labels in their
 * punycode (A-label) form, so that {@code bücher.de} and {@code xn--bcher-kva.de} are one domain.
 */
public record DomainName(String value) {

    private static final int MAX_LENGTH = 253;
    private static final IDNA UTS46 = IDNA.getUTS46Instance(
            IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.CHECK_CONTEXTO);

    public DomainName {
        if (!isCanonical(value)) {
            throw new InvalidAddressException("'" + value + "' is not a canonical domain name");
        }
    }

    /** Normalizes and validates a domain as a user or provider wrote it. */
    public static DomainName parse(String raw) {
        var trimmed = raw.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidAddressException("the domain is empty");
        }
        if (trimmed.startsWith("[")) {
            throw new InvalidAddressException(
                    "address literals such as '" + EmailAddress.shorten(trimmed) + "' are not accepted; use the domain name");
        }
        if (isPlainAscii(trimmed)) {
            try {
                return new DomainName(trimmed);
            } catch (InvalidAddressException e) {
                // Not a valid domain: IDNA below names what is wrong with it.
            }
        }
        var info = new IDNA.Info();
        var converted = new StringBuilder();
        UTS46.nameToASCII(trimmed, converted, info);
        var errors = EnumSet.noneOf(IDNA.Error.class);
        errors.addAll(info.getErrors());
        // Hyphens in positions 3-4 of a non-punycode label are legal LDH; the label check below still applies.
        errors.remove(IDNA.Error.HYPHEN_3_4);
        if (!errors.isEmpty()) {
            throw new InvalidAddressException("the domain '" + EmailAddress.shorten(trimmed)
                    + "' is not a valid (internationalized) domain name under IDNA2008 / UTS #46");
        }
        var ascii = converted.toString().toLowerCase(Locale.ROOT);
        try {
            // The canonical constructor validates; validating here as well would do it twice per address.
            return new DomainName(ascii);
        } catch (InvalidAddressException e) {
            throw new InvalidAddressException("the domain '" + EmailAddress.shorten(trimmed)
                    + "' is not a valid domain name (it needs at least two dot-separated labels of letters, digits"
                    + " and inner hyphens, each at most 63 characters, " + MAX_LENGTH + " in all)");
        }
    }

    /**
     * Two or more dot-separated LDH labels (lower-case letters, digits, inner hyphens, 1-63 characters), at
     * most 253 in all, and a top-level label that is not all digits (that would be an IP address). A character
     * loop: this runs for every address of every check and import, where a regex per label cost half the CPU.
     */
    private static boolean isCanonical(String candidate) {
        int length = candidate.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        int labels = 0;
        int labelStart = 0;
        boolean labelAllDigits = true;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? candidate.charAt(i) : '.';
            if (c == '.') {
                int labelLength = i - labelStart;
                if (labelLength == 0 || labelLength > 63 || candidate.charAt(labelStart) == '-'
                        || candidate.charAt(i - 1) == '-') {
                    return false;
                }
                labels++;
                if (i < length) {
                    labelStart = i + 1;
                    labelAllDigits = true;
                }
            } else if (c >= '0' && c <= '9') {
                // digits keep labelAllDigits as it is
            } else if ((c >= 'a' && c <= 'z') || c == '-') {
                labelAllDigits = false;
            } else {
                return false;
            }
        }
        return labels >= 2 && !labelAllDigits;
    }

    /**
     * True when UTS #46 would hand the domain back unchanged if it is a valid domain at all: lower-case LDH
     * characters only, and no A-label ({@code xn--}) whose punycode IDNA would still have to check. The
     * structure (labels, lengths) is left to the canonical constructor, so it is checked once.
     */
    private static boolean isPlainAscii(String candidate) {
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                return false;
            }
        }
        return !candidate.startsWith("xn--") && !candidate.contains(".xn--");
    }

    @Override
    public String toString() {
        return value;
    }
}
