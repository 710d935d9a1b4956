package dev.suppression.provider.ses;

import dev.suppression.provider.WebhookAuthenticationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The hosts a signed SNS message may send us to: its {@code SigningCertURL} and {@code SubscribeURL} must be https
 * on one of them, or the message is refused before anything is fetched. Anyone can post a message that names a
 * certificate on their own server; only SNS's hosts make the certificate mean anything.
 */
final class AllowedSnsHosts {

    private final List<Pattern> hosts;

    AllowedSnsHosts(List<String> patterns) {
        this.hosts = patterns.stream().map(AllowedSnsHosts::compile).toList();
    }

    /** The URL, once it is https on an allowed host with no credentials or unusual port. */
    URI require(String url, String field) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new WebhookAuthenticationException("The SNS " + field + " is not a URL.");
        }
        var host = uri.getHost();
        if (!"https".equalsIgnoreCase(uri.getScheme()) || host == null || uri.getRawUserInfo() != null
                || (uri.getPort() != -1 && uri.getPort() != 443)) {
            throw new WebhookAuthenticationException("The SNS " + field + " must be an https URL on an SNS host; '"
                    + url + "' is not, so nothing was fetched.");
        }
        var normalized = host.toLowerCase(Locale.ROOT);
        if (hosts.stream().noneMatch(p -> p.matcher(normalized).matches())) {
            throw new WebhookAuthenticationException("The SNS " + field + " host '" + host + "' is not an allowed SNS "
                    + "host (suppression.providers.ses.allowed-cert-hosts), so nothing was fetched.");
        }
        return uri;
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex.strip(), Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("suppression.providers.ses.allowed-cert-hosts: '" + regex
                    + "' is not a regular expression", e);
        }
    }
}
