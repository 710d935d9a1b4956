package dev.suppression.alert;

/** What an alert announces. */
public enum AlertKind {
    /** The domain's hard bounces reached DOMAIN_PATTERN and sending to it is paused. */
    DOMAIN_PAUSED,
    /** The domain's hard bounces reached SMALL_CLUSTER: worth asking its admin before it pauses. */
    CLUSTER_FORMED
}
