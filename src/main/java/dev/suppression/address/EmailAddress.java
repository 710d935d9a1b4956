package dev.suppression.address;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A recipient address in the one form the service stores and compares.
 *
 * <p>Normalization: surrounding white space is trimmed, the domain is lower-cased and IDN domains are
 * turned to punycode, and the local part is lower-cased as well. RFC 5321 lets a server treat local parts
 * case-sensitively, but no mainstream mailbox provider does, and treating {@code John@x} and
 * {@code john@x} as two addresses would let a suppressed recipient be mailed again under another
 * spelling; a suppression list must err on the side of not mailing.
 *
 * <p>Validation follows RFC 5321/5322: a dot-atom or quoted-string local part of at most 64 octets
 * (UTF-8 local parts per RFC 6531 are accepted), a domain name, and at most 254 octets in all.
 */
public record EmailAddress(String localPart, DomainName domain) {

    public static final int MAX_LOCAL_PART_OCTETS = 64;
    public static final int MAX_ADDRESS_OCTETS = 254;
    private static final String ATOM_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    /** Normalizes and validates an address; throws {@link InvalidAddressException} naming the problem. */
    public static EmailAddress parse(String raw) {
        var trimmed = raw.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidAddressException("the address is empty");
        }
        if (hasUnpairedSurrogate(trimmed)) {
            throw new InvalidAddressException("the address contains an unpaired surrogate, which UTF-8 cannot encode");
        }
        var at = trimmed.lastIndexOf('@');
        if (at < 0) {
            throw new InvalidAddressException("'" + shorten(trimmed) + "' is not an address: it has no '@'");
        }
        var local = trimmed.substring(0, at);
        var domainPart = trimmed.substring(at + 1);
        if (local.isEmpty()) {
            throw new InvalidAddressException("'" + shorten(trimmed) + "' has an empty local part before the '@'");
        }
        if (domainPart.isEmpty()) {
            throw new InvalidAddressException("'" + shorten(trimmed) + "' has no domain after the '@'");
        }
        if (!domainPart.equals(domainPart.strip())) {
            throw new InvalidAddressException("'" + shorten(trimmed) + "' has white space after the '@'");
        }
        validateLocalPart(local, trimmed);
        var domain = DomainName.parse(domainPart);
        // Final sigma lower-cases differently from capital sigma; one mailbox must be one address.
        var normalizedLocal = local.toLowerCase(Locale.ROOT).replace('ς', 'σ');
        if (octets(normalizedLocal) > MAX_LOCAL_PART_OCTETS) {
            throw new InvalidAddressException("the local part of '" + shorten(trimmed) + "' is longer than "
                    + MAX_LOCAL_PART_OCTETS + " octets (RFC 5321 4.5.3.1.1)");
        }
        var address = new EmailAddress(normalizedLocal, domain);
        if (octets(address.value()) > MAX_ADDRESS_OCTETS) {
            throw new InvalidAddressException("'" + shorten(trimmed) + "' is longer than " + MAX_ADDRESS_OCTETS
                    + " octets (RFC 5321 4.5.3.1.3)");
        }
        return address;
    }

    /** The normalized address as stored and shown: {@code local@domain}. */
    public String value() {
        return localPart + "@" + domain.value();
    }

    @Override
    public String toString() {
        return value();
    }

    private static void validateLocalPart(String local, String whole) {
        if (local.startsWith("\"")) {
            validateQuotedString(local, whole);
            return;
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw new InvalidAddressException("the local part of '" + shorten(whole)
                    + "' may not start or end with a dot or contain two dots in a row");
        }
        for (int i = 0; i < local.length(); ) {
            int cp = local.codePointAt(i);
            if (!isAtomText(cp) && cp != '.') {
                throw new InvalidAddressException("the local part of '" + shorten(whole) + "' contains '"
                        + new String(Character.toChars(cp)) + "', which is only allowed inside a quoted local part");
            }
            i += Character.charCount(cp);
        }
    }

    private static void validateQuotedString(String local, String whole) {
        if (local.length() < 2 || !local.endsWith("\"")) {
            throw new InvalidAddressException("the quoted local part of '" + shorten(whole) + "' is not closed");
        }
        var inner = local.substring(1, local.length() - 1);
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\') {
                if (i + 1 >= inner.length() || inner.charAt(i + 1) < 32 || inner.charAt(i + 1) > 126) {
                    throw new InvalidAddressException("the quoted local part of '" + shorten(whole)
                            + "' has a backslash that escapes nothing printable");
                }
                i++;
            } else if (c == '"' || c < 32 || c == 127) {
                throw new InvalidAddressException("the quoted local part of '" + shorten(whole)
                        + "' contains an unescaped quote or control character");
            }
        }
    }

    private static boolean isAtomText(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                    || ATOM_SPECIALS.indexOf(cp) >= 0;
        }
        // RFC 6531 (SMTPUTF8) allows any non-ASCII UTF-8 character, but not controls or unpaired surrogates.
        return Character.isDefined(cp) && !Character.isISOControl(cp) && !Character.isWhitespace(cp)
                && !Character.isSurrogate((char) Math.min(cp, 0xFFFF)) && Character.getType(cp) != Character.FORMAT
                && !Character.isSpaceChar(cp);
    }

    private static int octets(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return s.length();
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Short, and with control characters and surrogates written as \\uXXXX, so a message can always be stored. */
    static String shorten(String s) {
        var cut = s.length() <= 80 ? s : s.substring(0, 77) + "...";
        var out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
