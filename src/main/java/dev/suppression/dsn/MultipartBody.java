package dev.suppression.dsn;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The body parts of a multipart body, split the way mail clients split it rather than the way RFC 2046 demands:
 * Office 365, Verizon and Google send {@code multipart/*} without a boundary parameter or with one the body never
 * uses, and some MTAs leave out the first boundary line. The declared boundary is used when the body has it;
 * otherwise the boundary the body's own delimiter lines show. A preamble that begins with header fields is the
 * first part whose start boundary went missing.
 */
final class MultipartBody {

    private static final Pattern DELIMITER = Pattern.compile("--([^\\s]{1,200}?)(--)?[ \\t]*");
    private static final Pattern PART_HEADER = Pattern.compile("(?i)content-[a-z-]+[ \\t]*:.*");
    private static final int MAX_PARTS = 200;

    private MultipartBody() {
    }

    /** The raw bytes of each body part (headers and content); empty when the body shows no boundary at all. */
    static List<byte[]> split(byte[] body, @Nullable String declared) {
        var lines = lines(body);
        var boundary = usable(declared) && uses(lines, declared) ? declared : guess(lines);
        if (boundary == null) {
            return List.of();
        }
        var open = "--" + boundary;
        var parts = new ArrayList<byte[]>();
        var current = new ByteArrayOutputStream();
        boolean inPart = false;
        boolean preamble = true;
        for (var line : lines) {
            var text = new String(line, StandardCharsets.ISO_8859_1).stripTrailing();
            if (text.startsWith(open) && (text.length() == open.length() || text.substring(open.length()).strip().equals("--"))) {
                if (inPart || (preamble && startsWithHeader(current.toByteArray()))) {
                    parts.add(trimLastLineEnd(current.toByteArray()));
                }
                current.reset();
                preamble = false;
                if (text.endsWith("--") && text.length() > open.length()) {
                    inPart = false;
                    break;
                }
                inPart = true;
                if (parts.size() >= MAX_PARTS) {
                    break;
                }
                continue;
            }
            current.writeBytes(line);
        }
        if (inPart && current.size() > 0) {
            parts.add(trimLastLineEnd(current.toByteArray()));
        }
        return parts;
    }

    private static boolean usable(@Nullable String boundary) {
        return boundary != null && !boundary.isBlank() && boundary.length() <= 200 && !boundary.matches(".*[\\r\\n].*");
    }

    private static boolean uses(List<byte[]> lines, String boundary) {
        var open = "--" + boundary;
        for (var line : lines) {
            var text = new String(line, StandardCharsets.ISO_8859_1).stripTrailing();
            if (text.equals(open) || text.equals(open + "--")) {
                return true;
            }
        }
        return false;
    }

    /** The delimiter the body uses most: a {@code --token} line that recurs, or closes with {@code --token--}. */
    private static @Nullable String guess(List<byte[]> lines) {
        var counts = new LinkedHashMap<String, Integer>();
        for (var line : lines) {
            var text = new String(line, StandardCharsets.ISO_8859_1).stripTrailing();
            var m = DELIMITER.matcher(text);
            if (m.matches() && !m.group(1).chars().allMatch(c -> c == '-')) {
                counts.merge(m.group(1), m.group(2) != null ? 2 : 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= 2)
                .max((a, b) -> Integer.compare(a.getValue(), b.getValue())).map(e -> e.getKey()).orElse(null);
    }

    private static boolean startsWithHeader(byte[] part) {
        var text = new String(part, 0, Math.min(part.length, 1000), StandardCharsets.ISO_8859_1).stripLeading();
        var firstLine = text.split("\\r?\\n", 2)[0];
        return PART_HEADER.matcher(firstLine).matches();
    }

    /** The line end before a delimiter belongs to the delimiter (RFC 2046 section 5.1.1). */
    private static byte[] trimLastLineEnd(byte[] part) {
        int end = part.length;
        if (end > 0 && part[end - 1] == '\n') {
            end--;
            if (end > 0 && part[end - 1] == '\r') {
                end--;
            }
        }
        var trimmed = new byte[end];
        System.arraycopy(part, 0, trimmed, 0, end);
        return leadingHeaderless(trimmed);
    }

    /** A part that starts with text rather than header fields has no headers: a blank line says so to the parser. */
    private static byte[] leadingHeaderless(byte[] part) {
        var first = new String(part, 0, Math.min(part.length, 1000), StandardCharsets.ISO_8859_1).split("\\r?\\n", 2)[0];
        if (first.isEmpty() || Pattern.matches("[!-9;-~]+[ \\t]*:.*", first)) {
            return part;
        }
        var out = new byte[part.length + 1];
        out[0] = '\n';
        System.arraycopy(part, 0, out, 1, part.length);
        return out;
    }

    private static List<byte[]> lines(byte[] body) {
        var lines = new ArrayList<byte[]>();
        int start = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '\n') {
                var line = new byte[i + 1 - start];
                System.arraycopy(body, start, line, 0, line.length);
                lines.add(line);
                start = i + 1;
            }
        }
        if (start < body.length) {
            var line = new byte[body.length - start];
            System.arraycopy(body, start, line, 0, line.length);
            lines.add(line);
        }
        return lines;
    }
}
