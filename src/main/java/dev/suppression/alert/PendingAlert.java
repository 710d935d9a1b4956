package dev.suppression.alert;

/** An alert of the outbox not delivered yet, locked by the sender that read it. */
record PendingAlert(long id, String dedupKey, String domain, String payload, int attempts) {
}
