package dev.suppression.recipientdomain;

/** How many distinct addresses at one domain hard-bounced inside the window, and what that means. */
public enum ClusterLevel {
    NONE("No recent hard bounces at this domain."),
    SINGLE_ADDRESS("One address bounced: likely a typo, a retired mailbox or a stale contact; suppress it and move on."),
    SMALL_CLUSTER("Several addresses bounced: ask the recipient admin to confirm aliases, groups and mailboxes."),
    DOMAIN_PATTERN("Many addresses bounced: pause sends to the whole domain until its routing is confirmed.");

    private final String guidance;

    ClusterLevel(String guidance) {
        this.guidance = guidance;
    }

    public String guidance() {
        return guidance;
    }

    /** The level for a count of distinct hard-bounced addresses under the configured thresholds. */
    public static ClusterLevel of(long distinctAddresses, ClusterSettings settings) {
        if (distinctAddresses >= settings.domainPatternAt()) {
            return DOMAIN_PATTERN;
        }
        if (distinctAddresses >= settings.smallClusterAt()) {
            return SMALL_CLUSTER;
        }
        return distinctAddresses >= 1 ? SINGLE_ADDRESS : NONE;
    }
}
