package dev.suppression.address;

import com.ibm.icu.text.IDNA;
import java.util.EnumSet;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A recipient domain in its canonical form: lower-case ASCII, internationalized labels in their
 * punycode (A-label) form, so that {@code bücher.de} and {@code xn--bcher-kva.de} are one domain.
 */
public record DomainName(String value) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
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

    private static boolean isCanonical(String candidate) {
        if (candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return false;
        }
        var labels = candidate.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (var label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // A top-level label of digits only would make this an IP address, not a domain.
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    @Override
    public String toString() {
        return value;
    }
}
