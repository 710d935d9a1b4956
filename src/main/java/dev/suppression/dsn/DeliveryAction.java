package dev.suppression.dsn;

import java.util.Locale;
import java.util.Optional;

/** The RFC 3464 {@code Action} of one recipient. Only {@code failed} and {@code delayed} are bounces. */
enum DeliveryAction {
    /** The message could not be delivered and the MTA gave up: a bounce, classified from its status. */
    FAILED(true),
    /** Delivery has not succeeded yet and will be retried: a transient bounce (4.x.x), never a suppression. */
    DELAYED(true),
    /**
     * The MTA gave up after retrying for its queue lifetime (RFC 3464 has no such action, but SendGrid and others
     * write it): a failure whose status says why, read like {@link #FAILED}.
     */
    EXPIRED(true),
    /** Delivered to the mailbox: good news, skipped. */
    DELIVERED(false),
    /** Handed on to a system that sends no DSNs: skipped. */
    RELAYED(false),
    /** Delivered to a list or alias that was expanded: skipped. */
    EXPANDED(false);

    private final boolean bounce;

    DeliveryAction(boolean bounce) {
        this.bounce = bounce;
    }

    boolean isBounce() {
        return bounce;
    }

    /**
     * Reads an {@code Action} value such as {@code "failed"} or {@code "Failed (bad mailbox)"}; MTAs also write
     * {@code failure}, {@code delay}, {@code expire}, which mean the same.
     */
    static Optional<DeliveryAction> parse(String value) {
        var word = value.strip().split("[\\s(;]", 2)[0].toUpperCase(Locale.ROOT);
        for (var action : values()) {
            if (action.name().equals(word)) {
                return Optional.of(action);
            }
        }
        if (word.startsWith("FAIL")) {
            return Optional.of(FAILED);
        }
        if (word.startsWith("DELAY")) {
            return Optional.of(DELAYED);
        }
        if (word.startsWith("EXPIRE")) {
            return Optional.of(EXPIRED);
        }
        return Optional.empty();
    }
}
