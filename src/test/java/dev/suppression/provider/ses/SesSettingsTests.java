package dev.suppression.provider.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.json.JsonMapper;

class SesSettingsTests {

    @Test
    void withoutTopicsTheEndpointIsNotConfigured() {
        var settings = bind(Map.of());

        assertThat(settings.topicArns()).isEmpty();
        assertThat(webhook(settings).isConfigured()).isFalse();
    }

    @Test
    void byDefaultOnlySnsHostsServeCertificatesAndSubscriptionsAreConfirmed() {
        var settings = bind(Map.of("suppression.providers.ses.topic-arns", "arn:aws:sns:us-east-1:1:a"));

        assertThat(settings.allowedCertHosts()).containsExactly("sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");
        assertThat(settings.confirmSubscriptions()).isTrue();
        assertThat(webhook(settings).isConfigured()).isTrue();
    }

    @Test
    void topicsCanBeGivenCommaSeparatedAsAnEnvironmentVariableWould() {
        var settings = bind(Map.of("suppression.providers.ses.topic-arns",
                "arn:aws:sns:us-east-1:1:a,arn:aws:sns:eu-west-1:1:b"));

        assertThat(settings.topicArns()).containsExactly("arn:aws:sns:us-east-1:1:a", "arn:aws:sns:eu-west-1:1:b");
    }

    @Test
    void anAllowedHostThatIsNoRegularExpressionStopsTheStart() {
        assertThatThrownBy(() -> new AllowedSnsHosts(List.of("sns.(")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("allowed-cert-hosts");
    }

    private static SesSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("suppression.providers.ses", SesSettings.class);
    }

    private static SesWebhook webhook(SesSettings settings) {
        // isConfigured reads only the settings; verifying and confirming are not exercised here.
        return new SesWebhook(settings, null, null, JsonMapper.builder().build(), Clock.systemUTC());
    }
}
