package dev.suppression.postfixpolicy;

import dev.suppression.suppression.SuppressionList;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The listener exists only with {@code suppression.postfix-policy.enabled=true}; it then also joins the
 * readiness group, so an instance whose listener is down takes no traffic.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("suppression.postfix-policy.enabled")
class PostfixPolicyConfiguration {

    private static final String READINESS = "readiness";

    @Bean
    RecipientPolicy recipientPolicy(SuppressionList list, PostfixPolicySettings settings, MeterRegistry meters) {
        return new RecipientPolicy(list, settings, meters);
    }

    @Bean
    PolicyListener postfixPolicyListener(PostfixPolicySettings settings, RecipientPolicy policy, MeterRegistry meters) {
        return new PolicyListener(settings, policy, meters);
    }

    @Bean(PolicyListenerHealth.NAME)
    PolicyListenerHealth postfixPolicyHealth(PolicyListener listener, PostfixPolicySettings settings) {
        return new PolicyListenerHealth(listener, settings);
    }

    /**
     * Adds the listener to the readiness group here rather than in {@code application.yaml}: a group that
     * names a contributor which does not exist (the listener disabled) fails the start.
     */
    @Bean
    HealthEndpointGroupsPostProcessor postfixPolicyInReadiness() {
        return groups -> {
            var readiness = groups.get(READINESS);
            if (readiness == null) {
                return groups;
            }
            var all = new LinkedHashMap<String, HealthEndpointGroup>();
            groups.getNames().forEach(name -> all.put(name, groups.get(name)));
            all.put(READINESS, new WithMember(readiness, PolicyListenerHealth.NAME));
            return HealthEndpointGroups.of(groups.getPrimary(), all);
        };
    }

    /** A group as configured, plus one member. */
    private record WithMember(HealthEndpointGroup group, String member) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return member.equals(name) || group.isMember(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return group.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return group.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return group.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return group.getHttpCodeStatusMapper();
        }

        @Override
        public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
            return group.getAdditionalPath();
        }
    }
}
