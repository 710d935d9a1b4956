package dev.suppression.readme;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Whether an answer is the one the README shows: the same fields in the same order with the same values, except
 * what cannot be the same on another run. Masked, and only those: an {@code id} field (any value of the same
 * kind), a timestamp (any timestamp), and what the README marks with {@code …} (a string {@code "…"} matches any
 * value, {@code …} inside a string any characters, a field {@code "…": "…"} any further fields, and an array
 * ending in {@code "…"} any further items).
 */
final class Resemblance {

    static final String ELLIPSIS = "…";

    private static final Pattern TIMESTAMP_LIKE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    private Resemblance() {
    }

    /** Every way {@code actual} differs from {@code shown}, as JSON pointers with both values; empty when alike. */
    static List<String> differences(JsonNode shown, JsonNode actual) {
        var found = new ArrayList<String>();
        compare("", null, shown, actual, found);
        return found;
    }

    /** Whether a line of text output matches the line shown, {@code …} standing for any characters. */
    static boolean lineMatches(String shown, String actual) {
        return glob(shown.stripTrailing()).matcher(actual.stripTrailing()).matches();
    }

    private static void compare(String path, String field, JsonNode shown, JsonNode actual, List<String> found) {
        if (shown.isString() && shown.stringValue().equals(ELLIPSIS)) {
            return;
        }
        if ("id".equals(field)) {
            if (shown.getNodeType() != actual.getNodeType()) {
                found.add(at(path) + ": an id of another kind: shown " + shown + ", got " + actual);
            }
            return;
        }
        if (shown.isObject()) {
            compareObjects(path, shown, actual, found);
        } else if (shown.isArray()) {
            compareArrays(path, shown, actual, found);
        } else if (shown.isString() && isTimestamp(shown.stringValue())) {
            if (!actual.isString() || !isTimestamp(actual.stringValue())) {
                found.add(at(path) + ": shown a timestamp, got " + actual);
            }
        } else if (shown.isString() && shown.stringValue().contains(ELLIPSIS)) {
            if (!actual.isString() || !glob(shown.stringValue()).matcher(actual.stringValue()).matches()) {
                found.add(at(path) + ": shown " + shown + ", got " + actual);
            }
        } else if (!shown.equals(actual)) {
            found.add(at(path) + ": shown " + shown + ", got " + actual);
        }
    }

    private static void compareObjects(String path, JsonNode shown, JsonNode actual, List<String> found) {
        if (!actual.isObject()) {
            found.add(at(path) + ": shown an object, got " + actual);
            return;
        }
        var shownNames = new ArrayList<String>();
        boolean open = false;
        for (var entry : shown.properties()) {
            if (entry.getKey().equals(ELLIPSIS)) {
                open = true;
            } else {
                shownNames.add(entry.getKey());
            }
        }
        var actualNames = new ArrayList<String>();
        actual.properties().forEach(entry -> actualNames.add(entry.getKey()));
        var common = actualNames.stream().filter(shownNames::contains).toList();
        if (!common.equals(shownNames)) {
            var missing = shownNames.stream().filter(name -> !actualNames.contains(name)).toList();
            found.add(at(path) + (missing.isEmpty() ? ": fields in another order: shown " + shownNames + ", got " + common
                    : ": fields missing from the answer: " + missing));
        }
        if (!open && actualNames.size() != common.size()) {
            found.add(at(path) + ": fields the README does not show: "
                    + actualNames.stream().filter(name -> !shownNames.contains(name)).toList());
        }
        for (var name : shownNames) {
            if (actual.has(name)) {
                compare(path + "/" + name, name, shown.get(name), actual.get(name), found);
            }
        }
    }

    private static void compareArrays(String path, JsonNode shown, JsonNode actual, List<String> found) {
        if (!actual.isArray()) {
            found.add(at(path) + ": shown an array, got " + actual);
            return;
        }
        int shownItems = shown.size();
        boolean open = shownItems > 0 && shown.get(shownItems - 1).isString()
                && shown.get(shownItems - 1).stringValue().equals(ELLIPSIS);
        int required = open ? shownItems - 1 : shownItems;
        if (open ? actual.size() < required : actual.size() != required) {
            found.add(at(path) + ": shown " + required + (open ? " or more" : "") + " items, got " + actual.size());
        }
        for (int i = 0; i < Math.min(required, actual.size()); i++) {
            compare(path + "/" + i, null, shown.get(i), actual.get(i), found);
        }
    }

    private static boolean isTimestamp(String text) {
        if (!TIMESTAMP_LIKE.matcher(text).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Pattern glob(String shown) {
        var parts = shown.split(ELLIPSIS, -1);
        var regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static String at(String path) {
        return path.isEmpty() ? "(the body)" : path;
    }
}
