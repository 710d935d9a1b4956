package dev.suppression.bounce;

/** Who produced the bounce. */
public enum Origin {
    /** A receiving server refused the message during a real SMTP attempt. */
    RECIPIENT,
    /**
     * The sending platform refused it itself, without a new SMTP attempt (an ESP's own suppression list):
     * recorded as evidence, never suppresses and never counts toward a cluster.
     */
    SENDER
}
