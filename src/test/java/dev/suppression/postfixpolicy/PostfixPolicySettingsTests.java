package dev.suppression.postfixpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PostfixPolicySettingsTests {

    @Test
    void offByDefaultOnLoopbackDeferringWhileTheCheckIsUnavailable() {
        var settings = bind(Map.of());

        assertThat(settings).isEqualTo(new PostfixPolicySettings(false, "127.0.0.1", 10045, 256, 16,
                Duration.ofSeconds(330), "DEFER_IF_PERMIT 4.3.0 Suppression list unavailable, try again later"));
        assertThat(settings.failsOpen()).isFalse();
    }

    @Test
    void failingOpenIsAnOutageActionTheOperatorWritesOut() {
        assertThat(bind(Map.of("outage-action", "DUNNO")).failsOpen()).isTrue();
        assertThat(bind(Map.of("outage-action", "451 4.3.0 try later")).failsOpen()).isFalse();
    }

    @Test
    void anOutageActionThatIsNoAccessActionIsRefusedAtStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PostfixPolicySettings(true, "127.0.0.1", 10045, 256, 16,
                Duration.ofSeconds(330), "ALLOW")).withMessageContaining("outage-action must be an access(5) action");
    }

    @Test
    void aReadTimeoutOfZeroIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PostfixPolicySettings(true, "127.0.0.1", 10045, 256, 16,
                Duration.ZERO, "DUNNO")).withMessageContaining("read-timeout must be positive");
    }

    private static PostfixPolicySettings bind(Map<String, String> properties) {
        var source = new MapConfigurationPropertySource();
        properties.forEach((name, value) -> source.put("suppression.postfix-policy." + name, value));
        return new Binder(source).bindOrCreate("suppression.postfix-policy", PostfixPolicySettings.class);
    }
}
