package dev.suppression.access;

import java.util.Locale;

/** What a key may do. {@code admin} may do everything the other roles may. */
public enum Role {
    /** The check endpoints senders call before each send. */
    CHECK,
    /** Posting bounces, and webhooks that their provider does not sign. */
    INGEST,
    /** Manual suppress, clear, resume, lists, history, import and export. */
    OPS,
    /** Managing keys, and everything else. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String value) {
        for (var role : values()) {
            if (role.wireName().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + value + "'; use check, ingest, ops or admin");
    }
}
