package dev.suppression.dsn;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@code Content-Type} header read leniently: bounces come from every MTA ever written, and a parameter
 * that is not quoted where RFC 2045 wants quotes must not make the whole message unreadable.
 */
record ContentTypeField(String mediaType, Map<String, String> parameters) {

    private static final Pattern MEDIA_TYPE = Pattern.compile("\\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+)");
    private static final Pattern PARAMETER =
            Pattern.compile(";\\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"?|[^;\\s]*)");

    /** Parses a header value; a missing or unreadable one is {@code defaultType} (RFC 2045: text/plain). */
    static ContentTypeField parse(@Nullable String header, String defaultType) {
        if (header == null) {
            return new ContentTypeField(defaultType, Map.of());
        }
        var value = header.replaceAll("\\r?\\n[ \\t]+", " ");
        var type = MEDIA_TYPE.matcher(value);
        if (!type.lookingAt()) {
            return new ContentTypeField(defaultType, Map.of());
        }
        var parameters = new LinkedHashMap<String, String>();
        var parameter = PARAMETER.matcher(value);
        while (parameter.find()) {
            var raw = parameter.group(2);
            if (raw.startsWith("\"")) {
                raw = raw.substring(1, raw.endsWith("\"") && raw.length() > 1 ? raw.length() - 1 : raw.length())
                        .replaceAll("\\\\(.)", "$1");
            }
            parameters.putIfAbsent(parameter.group(1).toLowerCase(Locale.ROOT), raw);
        }
        return new ContentTypeField(type.group(1).toLowerCase(Locale.ROOT), Map.copyOf(parameters));
    }

    @Nullable String parameter(String name) {
        return parameters.get(name);
    }

    boolean is(String type) {
        return mediaType.equals(type);
    }

    boolean isMultipart() {
        return mediaType.startsWith("multipart/");
    }

    /** The {@code report-type} of a {@code multipart/report}, lower-cased; empty for anything else. */
    String reportType() {
        var reportType = is("multipart/report") ? parameter("report-type") : null;
        return reportType == null ? "" : reportType.strip().toLowerCase(Locale.ROOT);
    }
}
