package dev.suppression.dsn;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The top-level header fields of a posted message, unfolded and with encoded words decoded. */
final class Headers {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern ADDRESS =
            Pattern.compile("(?<![^\\s<>()\\[\\]\":;,@])[^\\s<>()\\[\\]\":;,@]++@[^\\s<>()\\[\\]\":;,@]++");
    private static final int MAX_MESSAGE_ID = 998;
    private static final Pattern RECEIVED_BY = Pattern.compile("(?i)\\bby\\s+([a-z0-9][a-z0-9.-]*[a-z0-9])");

    private final MimeMessage message;

    Headers(MimeMessage message) {
        this.message = message;
    }

    /** The first value of a field, unfolded and decoded; null when absent. */
    @Nullable String value(String name) {
        try {
            var raw = message.getHeader(name, null);
            if (raw == null) {
                return null;
            }
            var unfolded = MimeUtility.unfold(raw).strip();
            try {
                return MimeUtility.decodeText(unfolded);
            } catch (UnsupportedEncodingException | RuntimeException e) {
                return unfolded;
            }
        } catch (MessagingException e) {
            return null;
        }
    }

    /** Every value of a field (each {@code Received}), unfolded; empty when absent. */
    List<String> all(String name) {
        try {
            var raw = message.getHeader(name);
            if (raw == null) {
                return List.of();
            }
            return Arrays.stream(raw).map(value -> MimeUtility.unfold(value).strip()).toList();
        } catch (MessagingException e) {
            return List.of();
        }
    }

    /**
     * The host that wrote the message: the {@code by} host of its oldest {@code Received} field (the newer ones
     * are the hops to us), else the domain of its {@code From} address. The last resort for a bounce's reporting
     * host.
     */
    @Nullable String writtenBy() {
        for (var received : all("Received").reversed()) {
            var m = RECEIVED_BY.matcher(received);
            if (m.find() && m.group(1).contains(".")) {
                return m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        for (var address : addresses("From")) {
            var at = address.lastIndexOf('@');
            if (at > 0 && at < address.length() - 1) {
                return address.substring(at + 1);
            }
        }
        return null;
    }

    String subject() {
        var subject = value("Subject");
        return subject == null ? "" : subject;
    }

    @Nullable String messageId() {
        return messageId(value("Message-ID"));
    }

    /**
     * The message this one answers ({@code In-Reply-To}, else the last of {@code References}): mailer daemons
     * that return no copy of the original often still name it there.
     */
    @Nullable String repliedTo() {
        var inReplyTo = messageId(value("In-Reply-To"));
        if (inReplyTo != null) {
            return inReplyTo;
        }
        var references = value("References");
        if (references == null) {
            return null;
        }
        String last = null;
        var m = MESSAGE_ID.matcher(references);
        while (m.find()) {
            last = m.group();
        }
        return last != null && last.length() <= MAX_MESSAGE_ID ? last : null;
    }

    /** The addresses in the given fields, lower-cased: the bounce's own parties, never failed recipients. */
    Set<String> addresses(String... names) {
        var addresses = new LinkedHashSet<String>();
        for (var name : names) {
            var value = value(name);
            if (value == null) {
                continue;
            }
            try {
                for (var address : InternetAddress.parseHeader(value, false)) {
                    if (address.getAddress() != null) {
                        addresses.add(address.getAddress().toLowerCase(Locale.ROOT));
                    }
                }
            } catch (AddressException e) {
                var m = ADDRESS.matcher(value);
                while (m.find()) {
                    addresses.add(m.group().toLowerCase(Locale.ROOT));
                }
            }
        }
        return addresses;
    }

    /** A {@code <...>} message id out of a header value; null when there is none. */
    static @Nullable String messageId(@Nullable String value) {
        if (value == null) {
            return null;
        }
        var m = MESSAGE_ID.matcher(value);
        if (!m.find()) {
            return null;
        }
        var id = m.group();
        return id.length() <= MAX_MESSAGE_ID ? id : null;
    }
}
