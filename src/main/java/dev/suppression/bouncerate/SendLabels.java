package dev.suppression.bouncerate;

import org.jspecify.annotations.Nullable;

/**
 * Where a message came from on the sender's side: its {@code stream} (transactional, marketing, ...) and its
 * {@code listSource} (the list, signup form or campaign tag it was sent to). Either may be unknown (null).
 */
public record SendLabels(@Nullable String stream, @Nullable String listSource) {

    public static final SendLabels NONE = new SendLabels(null, null);
    public static final int MAX_STREAM = 100;
    public static final int MAX_LIST_SOURCE = 200;

    public SendLabels {
        stream = clean(stream, MAX_STREAM);
        listSource = clean(listSource, MAX_LIST_SOURCE);
    }

    public static SendLabels of(@Nullable String stream, @Nullable String listSource) {
        return stream == null && listSource == null ? NONE : new SendLabels(stream, listSource);
    }

    /** Blank is unknown; NUL (which PostgreSQL cannot store) is dropped; too long is cut, never refused. */
    private static @Nullable String clean(@Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        var text = value.replace("\0", "").strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
