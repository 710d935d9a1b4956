package dev.suppression.console;

import org.jspecify.annotations.Nullable;

/** Why ops make a change, as the history keeps it: required, at most 2000 characters, as the API takes it. */
record ChangeReason(String text) {

    static final int MAX_LENGTH = 2000;

    static ChangeReason from(@Nullable String text, String whatToSay) {
        if (text == null || text.isBlank()) {
            throw new InvalidFormException("Give a reason: " + whatToSay + ". The history keeps it.");
        }
        if (text.indexOf('\0') >= 0 || text.length() > MAX_LENGTH) {
            throw new InvalidFormException("The reason must be at most " + MAX_LENGTH
                    + " characters, without NUL characters.");
        }
        return new ChangeReason(text.strip());
    }
}
