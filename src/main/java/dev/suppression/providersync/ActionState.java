package dev.suppression.providersync;

/** Where an action of the outbox stands. */
public enum ActionState {
    /** To be sent (first time, or again after a failure or a read-back that still found the address). */
    PENDING,
    /** Accepted by an eventually consistent list; to be read back before it counts as done. */
    VERIFYING,
    DONE,
    /** Given up after a permanent refusal or too many failures; the reason is kept. */
    FAILED,
    /** The provider keeps the address whatever we ask (compliance, spam complaint). */
    CANNOT_REMOVE,
    /** A later action for the same address and provider replaced it before it was sent. */
    SUPERSEDED;

    boolean open() {
        return this == PENDING || this == VERIFYING;
    }
}
