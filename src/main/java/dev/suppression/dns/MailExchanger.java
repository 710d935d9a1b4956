package dev.suppression.dns;

/** One MX record: a host that takes the domain's mail, and its preference (lower is tried first). */
public record MailExchanger(int preference, String host) implements Comparable<MailExchanger> {

    @Override
    public int compareTo(MailExchanger other) {
        return preference != other.preference ? Integer.compare(preference, other.preference)
                : host.compareTo(other.host);
    }
}
