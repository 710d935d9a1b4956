package dev.suppression.postfixpolicy;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP while the listener is bound and accepting; Postfix defers or fails open without it. */
final class PolicyListenerHealth implements HealthIndicator {

    /** The contributor's name, as {@code /actuator/health} shows it and the readiness group lists it. */
    static final String NAME = "postfixPolicy";

    private final PolicyListener listener;
    private final PostfixPolicySettings settings;

    PolicyListenerHealth(PolicyListener listener, PostfixPolicySettings settings) {
        this.listener = listener;
        this.settings = settings;
    }

    @Override
    public Health health() {
        var health = listener.isListening() ? Health.up() : Health.down();
        return health.withDetail("address", settings.address())
                .withDetail("port", listener.port())
                .withDetail("connections", listener.openConnections())
                .withDetail("maxConnections", settings.maxConnections())
                .build();
    }
}
