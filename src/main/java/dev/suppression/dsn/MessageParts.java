package dev.suppression.dsn;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The leaf parts of a message in document order, and the report types of the {@code multipart/report}
 * containers they sit in. A returned message ({@code message/rfc822}) is one leaf: the parsers read its headers,
 * never its parts. Nesting and part counts are bounded, so a hostile message cannot exhaust the stack.
 */
final class MessageParts {

    private static final int MAX_DEPTH = 8;
    private static final int MAX_PARTS = 200;
    private static final Pattern LINE_BREAKING_TAG = Pattern.compile("(?:br|/?(?:p|div|tr|li|h\\d|table))\\b.*", Pattern.DOTALL);

    private final List<Section> sections = new ArrayList<>();
    private final Set<String> reportTypes = new LinkedHashSet<>();

    private MessageParts() {
    }

    /**
     * Walks a message. Nothing in its structure makes it unreadable: a multipart without a usable boundary, or
     * whose boundary never appears, is split on the boundary its body uses, and when there is none it is read as
     * one text, the way mail clients show such messages.
     */
    static MessageParts of(MimeMessage message, ContentTypeField type) {
        var parts = new MessageParts();
        parts.walk(message, type, 0);
        return parts;
    }

    List<Section> sections() {
        return sections;
    }

    Set<String> reportTypes() {
        return reportTypes;
    }

    /** The first leaf of one of the given media types. */
    Optional<Section> first(String... mediaTypes) {
        for (var section : sections) {
            for (var mediaType : mediaTypes) {
                if (section.type().is(mediaType)) {
                    return Optional.of(section);
                }
            }
        }
        return Optional.empty();
    }

    private void walk(Part part, ContentTypeField type, int depth) {
        if (sections.size() >= MAX_PARTS) {
            return;
        }
        if (!type.isMultipart() || depth >= MAX_DEPTH) {
            sections.add(new Section(type, part));
            return;
        }
        if (!type.reportType().isEmpty()) {
            reportTypes.add(type.reportType());
        }
        byte[] content;
        try (var in = part.getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException | MessagingException | RuntimeException e) {
            sections.add(new Section(ContentTypeField.parse(null, "text/plain"), part));
            return;
        }
        var children = MultipartBody.split(content, type.parameter("boundary"));
        if (children.isEmpty()) {
            // No boundary the body uses: the whole body is what a mail client would show.
            sections.add(new Section(ContentTypeField.parse(null, "text/plain"), bodyPart(content)));
            return;
        }
        var childDefault = type.is("multipart/digest") ? "message/rfc822" : "text/plain";
        for (var bytes : children) {
            var child = bodyPart(bytes);
            String header;
            try {
                header = child.getHeader("Content-Type", null);
            } catch (MessagingException | RuntimeException e) {
                header = null;
            }
            walk(child, ContentTypeField.parse(header, childDefault), depth + 1);
        }
    }

    private static MimeBodyPart bodyPart(byte[] bytes) {
        try {
            return new MimeBodyPart(new ByteArrayInputStream(bytes));
        } catch (MessagingException | RuntimeException e) {
            try {
                // Headers that cannot be parsed: keep the bytes as a headerless text part.
                var part = new MimeBodyPart();
                part.setContent(new String(bytes, StandardCharsets.ISO_8859_1), "text/plain; charset=ISO-8859-1");
                return part;
            } catch (MessagingException impossible) {
                throw new UnreadableMessageException("A part of the message cannot be read.");
            }
        }
    }

    /** A leaf part of the message. */
    record Section(ContentTypeField type, Part part) {

        /** The decoded text, in its declared charset; HTML reduced to its text. */
        String text() {
            var text = new String(bytes(), charset());
            return type.is("text/html") ? htmlToText(text) : text;
        }

        /** The header section at the start of the part: the headers of a returned message. */
        InternetHeaders headers() {
            try (var in = new ByteArrayInputStream(bytes())) {
                return new InternetHeaders(in);
            } catch (IOException | MessagingException e) {
                return new InternetHeaders();
            }
        }

        /**
         * The content with its transfer encoding undone. An unknown or broken encoding gives the raw content
         * instead: some MTAs label 8-bit text as 7bit or invent encodings, and the text is still worth reading.
         */
        byte[] bytes() {
            var encoding = messageEncoding();
            if (encoding != null) {
                // Jakarta Mail leaves message/* content encoded (RFC 2046 allows only identity encodings there),
                // yet MTAs and gateways send base64 or quoted-printable delivery-status parts that clients decode.
                try (var in = MimeUtility.decode(rawStream(), encoding)) {
                    return in.readAllBytes();
                } catch (IOException | MessagingException | RuntimeException e) {
                    // Not what the header claims: read it as the other parts are read.
                }
            }
            try (var in = part.getInputStream()) {
                return in.readAllBytes();
            } catch (IOException | MessagingException decodingFailed) {
                try (var in = rawStream()) {
                    return in.readAllBytes();
                } catch (IOException | MessagingException e) {
                    throw new UnreadableMessageException("A " + type.mediaType() + " part of the message cannot be "
                            + "read (" + e.getMessage() + "). Post the message exactly as it was received.");
                }
            }
        }

        /** The transfer encoding of a message/* part when it is one Jakarta Mail would not undo. */
        private @org.jspecify.annotations.Nullable String messageEncoding() {
            if (!type.mediaType().startsWith("message/")) {
                return null;
            }
            try {
                var values = part.getHeader("Content-Transfer-Encoding");
                if (values == null || values.length == 0) {
                    return null;
                }
                var encoding = values[0].strip().toLowerCase(Locale.ROOT);
                return encoding.equals("base64") || encoding.equals("quoted-printable") ? encoding : null;
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }

        private InputStream rawStream() throws MessagingException {
            return switch (part) {
                case MimeBodyPart body -> body.getRawInputStream();
                case MimeMessage message -> message.getRawInputStream();
                default -> throw new MessagingException("the part has no raw content");
            };
        }

        private Charset charset() {
            var name = type.parameter("charset");
            if (name == null || name.isBlank()) {
                return StandardCharsets.UTF_8;
            }
            try {
                return Charset.forName(MimeUtility.javaCharset(name.strip()));
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }
    }

    /** The text of an HTML part, in one pass: a tag or comment that never closes ends the text. */
    static String htmlToText(String html) {
        var lower = html.toLowerCase(Locale.ROOT);
        var text = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c != '<') {
                text.append(c);
                i++;
            } else if (lower.startsWith("<!--", i)) {
                int end = lower.indexOf("-->", i + 4);
                i = end < 0 ? html.length() : end + 3;
            } else {
                int close = html.indexOf('>', i + 1);
                if (close < 0) {
                    break;
                }
                var tag = lower.substring(i + 1, close).strip();
                i = close + 1;
                if (tag.startsWith("script") || tag.startsWith("style")) {
                    int end = lower.indexOf(tag.startsWith("script") ? "</script" : "</style", i);
                    int endClose = end < 0 ? -1 : html.indexOf('>', end);
                    i = endClose < 0 ? html.length() : endClose + 1;
                } else if (LINE_BREAKING_TAG.matcher(tag).matches()) {
                    text.append('\n');
                    // "<br>" at the end of a source line is one line break, as a mail client shows it, not two
                    if (html.startsWith("\r\n", i)) {
                        i += 2;
                    } else if (i < html.length() && html.charAt(i) == '\n') {
                        i++;
                    }
                }
            }
        }
        return text.toString().replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
    }
}
