package dev.suppression.dsn;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The ways mail systems reshape a message in transit or in storage without changing what it says: line ends,
 * header folding, MIME parameter spelling, transfer encodings, extra trace and marker fields, wrapped prose,
 * encoded words and charset labels, a returned original dropped or cut to its headers. Each reshaping works on
 * the message as text with LF line ends (read as ISO-8859-1, so bytes pass through) and answers {@code null}
 * when it does not apply to the message.
 */
enum TransportReshaping {

    CRLF_LINE_ENDS(text -> text.replace("\n", "\r\n")),
    CRLF_HEADERS_LF_BODY(text -> headerEnd(text) <= 0 ? null
            : headersOf(text).replace("\n", "\r\n") + "\r\n" + bodyOf(text)),
    HEADER_NAMES_IN_OTHER_CASE(text -> withTopHeaders(text, headers -> Pattern.compile("(?m)^([A-Za-z-]+):")
            .matcher(headers).replaceAll(m -> m.group(1).toLowerCase(Locale.ROOT) + ":"))),
    PART_HEADERS_FOLDED(text -> withEveryPart(text, part -> {
        var headers = headersOf(part);
        var folded = Pattern.compile("(?im)^(Content-Type:[^\n]*?);[ \t]*").matcher(headers)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + ";\n\t");
        return folded.equals(headers) ? null : folded + "\n" + bodyOf(part);
    })),
    BOUNDARY_LINES_WITH_TRAILING_SPACE(text -> withTopMultipart(text, m -> {
        m.trailing = " \t";
        return m;
    })),
    WRAPPED_IN_MULTIPART_MIXED(text -> {
        var end = headerEnd(text);
        if (end <= 0) {
            return null;
        }
        var headers = headersOf(text);
        var content = Pattern.compile("(?im)^(?:Content-Type|Content-Transfer-Encoding|Content-Disposition):.*\n(?:[ \t].*\n)*");
        var contentFields = new StringBuilder();
        var matcher = content.matcher(headers);
        while (matcher.find()) {
            contentFields.append(matcher.group());
        }
        var rest = content.matcher(headers).replaceAll("").replaceAll("(?im)^MIME-Version:.*\n", "");
        return rest + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"gateway-wrap-7c1\"\n\n"
                + "--gateway-wrap-7c1\n" + contentFields + "\n" + bodyOf(text) + "\n--gateway-wrap-7c1\n"
                + "Content-Type: text/plain; charset=us-ascii\n\nThis message was scanned by the gateway.\n"
                + "--gateway-wrap-7c1--\n";
    }),
    TOP_HEADERS_UNFOLDED(text -> withTopHeaders(text, headers -> unfold(headers))),
    TOP_HEADERS_FOLDED_AT_EVERY_PARAMETER(text -> withTopHeaders(text, headers ->
            unfold(headers).replaceAll(";[ \\t]*(?=[A-Za-z-]+=)", ";\n\t"))),
    TOP_HEADERS_FOLDED_AT_SPACES(text -> withTopHeaders(text, TransportReshaping::foldAtSpaces)),
    BOUNDARY_UNQUOTED(text -> withTopContentType(text, type -> {
        var quoted = Pattern.compile("(?i)boundary\\s*=\\s*\"([A-Za-z0-9'()+_,./:=?-]+)\"").matcher(type);
        return quoted.find() ? quoted.replaceFirst("boundary=" + Matcher.quoteReplacement(quoted.group(1))) : null;
    })),
    BOUNDARY_QUOTED(text -> withTopContentType(text, type -> {
        var bare = Pattern.compile("(?i)boundary\\s*=\\s*([^\"\\s;]+)").matcher(type);
        return bare.find() ? bare.replaceFirst("boundary=\"" + Matcher.quoteReplacement(bare.group(1)) + "\"") : null;
    })),
    CONTENT_TYPE_IN_OTHER_CASE(text -> withTopContentType(text, type -> {
        var boundary = Pattern.compile("(?i)boundary").matcher(type);
        if (!boundary.find()) {
            return null;
        }
        var head = type.substring(0, boundary.start()).toUpperCase(Locale.ROOT);
        return head + "BOUNDARY" + type.substring(boundary.end());
    })),
    FINAL_BOUNDARY_MISSING(text -> withTopMultipart(text, m -> {
        m.closed = false;
        m.epilogue = "";
        return m;
    })),
    PREAMBLE_AND_EPILOGUE_ADDED(text -> withTopMultipart(text, m -> {
        m.preamble = "This is a multi-part message in MIME format.\n\n" + m.preamble;
        m.epilogue = m.epilogue + "\nThis text after the last boundary is ignored by mail readers.\n";
        return m;
    })),
    TEXT_PARTS_QUOTED_PRINTABLE(text -> withTextLeaves(text, (headers, body) -> reencode(headers, body, "quoted-printable"))),
    TEXT_PARTS_BASE64(text -> withTextLeaves(text, (headers, body) -> reencode(headers, body, "base64"))),
    AUTO_SUBMITTED_ADDED(text -> "Auto-Submitted: auto-replied\n" + text),
    RECEIVED_CHAIN_PREPENDED(text -> """
            Received: from mx-in.recipient-side.example (mx-in.recipient-side.example [192.0.2.201])
            \tby store.sender-side.example (Postfix) with ESMTPS id 4Zq9xk
            \tfor <bounces@sender-side.example>; Mon, 23 Nov 2026 13:59:58 +0000 (UTC)
            Received: from localhost (localhost [127.0.0.1])
            \tby filter.sender-side.example (amavis, port 10024) with ESMTP id A1B2C3;
            \tMon, 23 Nov 2026 13:59:57 +0000 (UTC)
            X-Spam-Status: No, score=-1.2
            """ + text),
    PROSE_WRAPPED_AT_76(text -> withFirstTextLeaf(text, (headers, body) -> {
        var wrapped = wrapProse(body, TransportReshaping::isProse);
        return wrapped.equals(body) ? null : headers + "\n" + wrapped;
    })),
    SENTENCES_NAMING_AN_ADDRESS_WRAPPED_AT_76(text -> withFirstTextLeaf(text, (headers, body) -> {
        var wrapped = wrapProse(body, TransportReshaping::isSentence);
        return wrapped.equals(body) ? null : headers + "\n" + wrapped;
    })),
    SUBJECT_ENCODED_WORDS(text -> withTopHeaders(text, headers -> {
        var subject = Pattern.compile("(?im)^Subject:[ \\t]*(.*(?:\\n[ \\t].*)*)").matcher(headers);
        if (!subject.find() || subject.group(1).contains("=?")) {
            return null;
        }
        var value = unfold(subject.group(1)).strip();
        var encoded = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.ISO_8859_1)) + "?=";
        return headers.substring(0, subject.start()) + "Subject: " + encoded + headers.substring(subject.end());
    })),
    SUBJECT_QUOTED_PRINTABLE_WORDS(text -> withTopHeaders(text, headers -> {
        var subject = Pattern.compile("(?im)^Subject:[ \\t]*(.*(?:\\n[ \\t].*)*)").matcher(headers);
        if (!subject.find() || subject.group(1).contains("=?")) {
            return null;
        }
        var value = unfold(subject.group(1)).strip();
        var words = new ArrayList<String>();
        for (var word : value.split(" ")) {
            words.add("=?iso-8859-1?q?" + qEncode(word) + "?=");
        }
        return headers.substring(0, subject.start()) + "Subject: " + String.join("\n =?iso-8859-1?q?_?= ", words)
                + headers.substring(subject.end());
    })),
    UTF8_DECLARED(text -> declaring(text, "utf-8")),
    EIGHT_BIT_UTF8_SIGNATURE_ADDED(text -> withFirstTextLeaf(text, (headers, body) -> {
        var type = Pattern.compile("(?im)^Content-Type:[ \\t]*(.*(?:\\n[ \\t].*)*)\\n").matcher(headers);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(body)) {
            return null;
        }
        var signature = new String("\n-- \nService de messagerie · Mail-Zustellung · メール配送システム\n"
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        var newHeaders = type.find() ? headers.substring(0, type.start()) + "Content-Type: text/plain; charset=utf-8\n"
                + headers.substring(type.end()) : headers + "Content-Type: text/plain; charset=utf-8\n";
        var end = body.stripTrailing();
        return withoutTransferEncoding(newHeaders) + "Content-Transfer-Encoding: 8bit\n\n" + end + "\n" + signature;
    })),
    TRAILING_WHITESPACE_ON_TEXT_LINES(text -> withFirstTextLeaf(text, (headers, body) ->
            headers + "\n" + body.replaceAll("(?m)(?<=\\S)$", " "))),
    NOTICE_AS_HTML_ONLY(text -> withFirstTextLeaf(text, (headers, body) -> {
        var type = Pattern.compile("(?im)^Content-Type:[ \\t]*(.*(?:\\n[ \\t].*)*)\\n").matcher(headers);
        var charset = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)").matcher(contentType(headers));
        var label = charset.find() ? charset.group(1) : "us-ascii";
        var html = new StringBuilder("<html><head><meta charset=\"" + label + "\"></head><body>\n");
        for (var line : body.split("\n", -1)) {
            // indentation kept as no-break spaces, the way mail clients turn plain text into HTML
            var indent = line.length() - line.stripLeading().length();
            html.append("&nbsp;".repeat(indent)).append(line.stripLeading().replace("&", "&amp;").replace("<", "&lt;")
                    .replace(">", "&gt;")).append("<br>\n");
        }
        html.append("</body></html>\n");
        var newHeaders = type.find() ? headers.substring(0, type.start()) + "Content-Type: text/html; charset=" + label
                + "\n" + headers.substring(type.end()) : headers + "Content-Type: text/html; charset=" + label + "\n";
        return newHeaders + "\n" + html;
    })),
    ISO_2022_JP_DECLARED(text -> declaring(text, "iso-2022-jp")),
    SHIFT_JIS_DECLARED(text -> declaring(text, "Shift_JIS")),
    DELIVERY_STATUS_LABELLED_TEXT_PLAIN(text -> withEveryPart(text, part -> {
        var headers = headersOf(part);
        if (!contentType(headers).startsWith("message/delivery-status") || carriesAReport(bodyOf(part))) {
            return null;
        }
        return headers.replaceAll("(?im)^(Content-Type:[ \\t]*)message/delivery-status", "$1text/plain") + "\n" + bodyOf(part);
    })),
    ORIGINAL_MESSAGE_MISSING(text -> withTopMultipart(text, m -> {
        var kept = m.parts.stream().filter(p -> !isReturnedOriginal(p) || carriesAReport(p)).toList();
        if (kept.size() == m.parts.size() || kept.isEmpty()) {
            return null;
        }
        m.parts = new ArrayList<>(kept);
        return m;
    })),
    ORIGINAL_AS_RFC822_HEADERS(text -> withTopMultipart(text, m -> {
        var changed = false;
        for (int i = 0; i < m.parts.size(); i++) {
            var part = m.parts.get(i);
            if (contentType(headersOf(part)).startsWith("message/rfc822") && !carriesAReport(part)) {
                var original = bodyOf(part);
                var end = original.indexOf("\n\n");
                var originalHeaders = end < 0 ? original : original.substring(0, end + 1);
                m.parts.set(i, "Content-Type: text/rfc822-headers\n\n" + originalHeaders);
                changed = true;
            }
        }
        return changed ? m : null;
    }));

    private final UnaryOperator<String> reshape;

    TransportReshaping(UnaryOperator<String> reshape) {
        this.reshape = reshape;
    }

    /** The reshaped message, or {@code null} when this reshaping does not apply to it or leaves it as it was. */
    @Nullable String apply(String lfText) {
        var reshaped = reshape.apply(lfText);
        return reshaped == null || reshaped.equals(lfText) ? null : reshaped;
    }

    // ---- the message as text: header section, body, multipart structure ----

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;\"]+))");

    interface LeafChange {
        @Nullable String change(String headers, String body);
    }

    /** A multipart body cut at its boundary lines; parts keep their own header section and body. */
    static final class Multipart {
        final String boundary;
        String preamble;
        List<String> parts;
        boolean closed;
        String epilogue;
        String trailing = "";

        Multipart(String boundary, String preamble, List<String> parts, boolean closed, String epilogue) {
            this.boundary = boundary;
            this.preamble = preamble;
            this.parts = parts;
            this.closed = closed;
            this.epilogue = epilogue;
        }

        static @Nullable Multipart of(String body, String boundary) {
            var delimiter = "--" + boundary;
            var lines = body.split("\n", -1);
            var preamble = new StringBuilder();
            var parts = new ArrayList<String>();
            StringBuilder current = null;
            var closed = false;
            var epilogue = new StringBuilder();
            for (int i = 0; i < lines.length; i++) {
                var line = lines[i];
                var trimmed = line.stripTrailing();
                if (closed) {
                    epilogue.append(line).append(i + 1 < lines.length ? "\n" : "");
                } else if (trimmed.equals(delimiter + "--")) {
                    if (current != null) {
                        parts.add(current.toString());
                    }
                    current = null;
                    closed = true;
                } else if (trimmed.equals(delimiter)) {
                    if (current != null) {
                        parts.add(current.toString());
                    }
                    current = new StringBuilder();
                } else if (current != null) {
                    current.append(line).append(i + 1 < lines.length ? "\n" : "");
                } else {
                    preamble.append(line).append("\n");
                }
            }
            if (current != null) {
                parts.add(current.toString());
            }
            if (parts.isEmpty()) {
                return null;
            }
            // each part but the last ends in the line break that belongs to the boundary after it
            var cleaned = new ArrayList<String>();
            for (int i = 0; i < parts.size(); i++) {
                var part = parts.get(i);
                cleaned.add(part.endsWith("\n") && (i + 1 < parts.size() || closed) ? part.substring(0, part.length() - 1) : part);
            }
            return new Multipart(boundary, preamble.toString(), cleaned, closed, epilogue.toString());
        }

        String text() {
            var out = new StringBuilder(preamble);
            for (var part : parts) {
                out.append("--").append(boundary).append(trailing).append('\n').append(part).append('\n');
            }
            if (closed) {
                out.append("--").append(boundary).append("--").append(trailing).append('\n').append(epilogue);
            }
            return out.toString();
        }
    }

    private static int headerEnd(String entity) {
        if (entity.startsWith("\n")) {
            return 0;
        }
        var end = entity.indexOf("\n\n");
        return end < 0 ? -1 : end + 1;
    }

    static String headersOf(String entity) {
        var end = headerEnd(entity);
        return end < 0 ? entity : entity.substring(0, end);
    }

    static String bodyOf(String entity) {
        var end = headerEnd(entity);
        return end < 0 ? "" : entity.substring(end + 1);
    }

    private static @Nullable String withTopHeaders(String text, java.util.function.Function<String, @Nullable String> change) {
        var end = headerEnd(text);
        if (end <= 0) {
            return null;
        }
        var changed = change.apply(text.substring(0, end));
        return changed == null ? null : changed + text.substring(end);
    }

    private static String unfold(String headers) {
        return headers.replaceAll("\\n(?=[ \\t])", "");
    }

    private static String foldAtSpaces(String headers) {
        var out = new StringBuilder();
        for (var field : unfold(headers).split("\n")) {
            if (field.isEmpty()) {
                continue;
            }
            var line = new StringBuilder();
            for (var word : field.split("(?<=\\S) (?=\\S)")) {
                if (line.length() > 0 && line.length() + word.length() > 40) {
                    out.append(line).append('\n');
                    line.setLength(0);
                    line.append(' ');
                } else if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    static String contentType(String headers) {
        var matcher = Pattern.compile("(?im)^Content-Type:[ \\t]*(.*(?:\\n[ \\t].*)*)").matcher(headers);
        return matcher.find() ? unfold(matcher.group(1)).strip().toLowerCase(Locale.ROOT) : "text/plain";
    }

    private static @Nullable String withTopContentType(String text, java.util.function.Function<String, @Nullable String> change) {
        return withTopHeaders(text, headers -> {
            var matcher = Pattern.compile("(?im)^Content-Type:[ \\t]*(.*(?:\\n[ \\t].*)*)").matcher(headers);
            if (!matcher.find() || !matcher.group(1).toLowerCase(Locale.ROOT).contains("multipart/")) {
                return null;
            }
            var changed = change.apply(matcher.group());
            return changed == null ? null : headers.substring(0, matcher.start()) + changed + headers.substring(matcher.end());
        });
    }

    private static @Nullable String boundaryOf(String headers) {
        var type = contentType(headers);
        if (!type.startsWith("multipart/")) {
            return null;
        }
        var matcher = Pattern.compile("(?im)^Content-Type:[ \\t]*(.*(?:\\n[ \\t].*)*)").matcher(headers);
        matcher.find();
        var boundary = BOUNDARY.matcher(unfold(matcher.group(1)));
        if (!boundary.find()) {
            return null;
        }
        return boundary.group(1) != null ? boundary.group(1) : boundary.group(2);
    }

    private static @Nullable String withTopMultipart(String text, java.util.function.Function<Multipart, @Nullable Multipart> change) {
        var headers = headersOf(text);
        var boundary = boundaryOf(headers);
        if (boundary == null || boundary.isEmpty()) {
            return null;
        }
        var multipart = Multipart.of(bodyOf(text), boundary);
        if (multipart == null) {
            return null;
        }
        var changed = change.apply(multipart);
        return changed == null ? null : headers + "\n" + changed.text();
    }

    /** Applies the change to every text/plain or text/html leaf not yet transfer-encoded, nested multiparts too. */
    private static @Nullable String withTextLeaves(String entity, LeafChange change) {
        var headers = headersOf(entity);
        if (headerEnd(entity) < 0) {
            return null;
        }
        var boundary = boundaryOf(headers);
        if (boundary != null) {
            var multipart = Multipart.of(bodyOf(entity), boundary);
            if (multipart == null) {
                return null;
            }
            var any = false;
            for (int i = 0; i < multipart.parts.size(); i++) {
                var changed = withTextLeaves(multipart.parts.get(i), change);
                if (changed != null) {
                    multipart.parts.set(i, changed);
                    any = true;
                }
            }
            return any ? headers + "\n" + multipart.text() : null;
        }
        if (!isPlainTextLeaf(headers)) {
            return null;
        }
        return change.change(headers, bodyOf(entity));
    }

    private static @Nullable String withFirstTextLeaf(String entity, LeafChange change) {
        var headers = headersOf(entity);
        if (headerEnd(entity) < 0) {
            return null;
        }
        var boundary = boundaryOf(headers);
        if (boundary != null) {
            var multipart = Multipart.of(bodyOf(entity), boundary);
            if (multipart == null) {
                return null;
            }
            for (int i = 0; i < multipart.parts.size(); i++) {
                var type = contentType(headersOf(multipart.parts.get(i)));
                if (type.startsWith("multipart/") || type.startsWith("text/plain")) {
                    var changed = withFirstTextLeaf(multipart.parts.get(i), change);
                    if (changed == null) {
                        return null;
                    }
                    multipart.parts.set(i, changed);
                    return headers + "\n" + multipart.text();
                }
            }
            return null;
        }
        return isPlainTextLeaf(headers) && contentType(headers).startsWith("text/plain") ? change.change(headers, bodyOf(entity)) : null;
    }

    private static boolean isPlainTextLeaf(String headers) {
        var type = contentType(headers);
        var encoding = Pattern.compile("(?im)^Content-Transfer-Encoding:[ \\t]*(\\S+)").matcher(headers);
        var unencoded = !encoding.find() || encoding.group(1).toLowerCase(Locale.ROOT).matches("7bit|8bit|binary");
        return unencoded && (type.startsWith("text/plain") || type.startsWith("text/html"));
    }

    private static boolean isReturnedOriginal(String part) {
        var type = contentType(headersOf(part));
        return type.startsWith("message/rfc822") || type.startsWith("text/rfc822-headers")
                || type.startsWith("message/rfc822-headers");
    }

    /** A bounce forwarded inside another: the returned message is the report itself, not an original. */
    private static boolean carriesAReport(String part) {
        return part.toLowerCase(Locale.ROOT).contains("message/delivery-status");
    }

    private static @Nullable String withEveryPart(String entity, java.util.function.Function<String, @Nullable String> change) {
        var headers = headersOf(entity);
        var boundary = boundaryOf(headers);
        if (boundary == null) {
            return null;
        }
        var multipart = Multipart.of(bodyOf(entity), boundary);
        if (multipart == null) {
            return null;
        }
        var any = false;
        for (int i = 0; i < multipart.parts.size(); i++) {
            var part = multipart.parts.get(i);
            var inner = withEveryPart(part, change);
            var changed = change.apply(inner != null ? inner : part);
            if (changed != null || inner != null) {
                multipart.parts.set(i, changed != null ? changed : inner);
                any = true;
            }
        }
        return any ? headers + "\n" + multipart.text() : null;
    }

    private static String withoutTransferEncoding(String headers) {
        return headers.replaceAll("(?im)^Content-Transfer-Encoding:.*\\n(?:[ \\t].*\\n)*", "");
    }

    private static Charset charsetOf(String headers) {
        var charset = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)").matcher(contentType(headers));
        try {
            return charset.find() ? Charset.forName(charset.group(1)) : StandardCharsets.US_ASCII;
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    private static String reencode(String headers, String body, String encoding) {
        // the body was read as ISO-8859-1, so these are its bytes as they were, in whatever charset it declares
        var bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        var encoded = encoding.equals("base64") ? Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(bytes) + "\n" : quotedPrintable(bytes);
        var outHeaders = withoutTransferEncoding(headers);
        if (outHeaders.isEmpty()) {
            outHeaders = "Content-Type: text/plain\n";
        }
        return outHeaders + "Content-Transfer-Encoding: " + encoding + "\n\n" + encoded;
    }

    private static String quotedPrintable(byte[] bytes) {
        var out = new StringBuilder();
        var line = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '\n') {
                // trailing whitespace before a line break must be encoded (RFC 2045 6.7 rule 3)
                if (line.length() > 0 && (line.charAt(line.length() - 1) == ' ' || line.charAt(line.length() - 1) == '\t')) {
                    var last = line.charAt(line.length() - 1);
                    line.setLength(line.length() - 1);
                    line.append(String.format("=%02X", (int) last));
                }
                out.append(line).append('\n');
                line.setLength(0);
                continue;
            }
            var piece = (b >= 33 && b <= 126 && b != '=') || b == ' ' || b == '\t' ? String.valueOf((char) b)
                    : String.format("=%02X", b);
            if (line.length() + piece.length() > 75) {
                out.append(line).append("=\n");
                line.setLength(0);
            }
            line.append(piece);
        }
        return out.append(line).toString();
    }

    private static String qEncode(String word) {
        var out = new StringBuilder();
        for (var b : word.getBytes(StandardCharsets.ISO_8859_1)) {
            int c = b & 0xff;
            out.append((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? String.valueOf((char) c)
                    : String.format("=%02X", c));
        }
        return out.toString();
    }

    private static @Nullable String declaring(String text, String charset) {
        return withTextLeaves(text, (headers, body) -> {
            var declared = charsetOf(headers);
            var target = Charset.forName(charset);
            // only text that reads the same in the new charset is relabelled: ASCII, or UTF-8 becoming UTF-8
            var ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(new String(body.getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.ISO_8859_1));
            String newBody;
            if (ascii) {
                newBody = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.US_ASCII);
            } else {
                var decoded = new String(body.getBytes(StandardCharsets.ISO_8859_1), declared);
                if (!target.newEncoder().canEncode(decoded)) {
                    return null;
                }
                newBody = new String(decoded.getBytes(target), StandardCharsets.ISO_8859_1);
            }
            var type = Pattern.compile("(?im)^Content-Type:[ \\t]*(.*(?:\\n[ \\t].*)*)\\n").matcher(headers);
            String newHeaders;
            var encodingLine = charset.equalsIgnoreCase("utf-8") && !ascii ? "Content-Transfer-Encoding: 8bit\n"
                    : charset.equalsIgnoreCase("iso-2022-jp") ? "Content-Transfer-Encoding: 7bit\n" : "";
            if (type.find()) {
                var value = unfold(type.group(1)).replaceAll("(?i);\\s*charset\\s*=\\s*(\"[^\"]*\"|[^;\\s]+)", "");
                newHeaders = withoutTransferEncoding(headers.substring(0, type.start()) + "Content-Type: " + value.strip()
                        + "; charset=\"" + charset + "\"\n" + headers.substring(type.end()));
            } else {
                newHeaders = withoutTransferEncoding(headers) + "Content-Type: text/plain; charset=\"" + charset + "\"\n";
            }
            return newHeaders + encodingLine + "\n" + newBody;
        });
    }

    /**
     * Long prose lines broken at 76 columns the way a mail client's format=flowed or a gateway does; lines that
     * carry an address, a status code, a field or quoted text are left whole, since layouts read those per line.
     */
    private static String wrapProse(String body, java.util.function.Predicate<String> wrappable) {
        var out = new StringBuilder();
        var lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i];
            if (line.length() > 76 && wrappable.test(line)) {
                var current = new StringBuilder();
                for (var word : line.split(" ")) {
                    if (current.length() > 0 && current.length() + 1 + word.length() > 76) {
                        out.append(current).append('\n');
                        current.setLength(0);
                    } else if (current.length() > 0) {
                        current.append(' ');
                    }
                    current.append(word);
                }
                out.append(current);
            } else {
                out.append(line);
            }
            if (i + 1 < lines.length) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** A sentence of the notice: it may name an address or a code, but it is no field, quote or indented reply. */
    private static boolean isSentence(String line) {
        return !line.startsWith(" ") && !line.startsWith("\t") && !line.startsWith(">") && !line.matches("^[A-Za-z-]+:.*")
                && line.matches("^[A-Z].*[.!]$") && line.split(" ").length > 8;
    }

    private static boolean isProse(String line) {
        return !line.startsWith(" ") && !line.startsWith("\t") && !line.startsWith(">") && !line.contains("@")
                && !line.matches(".*\\b[245]\\d\\d\\b.*") && !line.matches(".*\\b[245]\\.\\d{1,3}\\.\\d{1,3}\\b.*")
                && !line.matches("^[A-Za-z-]+:.*") && !line.contains("<") && !line.contains("\"");
    }
}
