package dev.suppression.alert;

/** What an alert announces. */
public enum AlertKind {
    /** The domain's hard bounces reached DOMAIN_PATTERN and sending to it is paused. */
    DOMAIN_PAUSED,
    /** The domain's hard bounces reached SMALL_CLUSTER: worth asking its admin before it pauses. */
    CLUSTER_FORMED,
    /** A stream's or list source's hard-bounce or complaint rate reached CRITICAL: stop mailing it and clean it. */
    BOUNCE_RATE_CRITICAL
}
