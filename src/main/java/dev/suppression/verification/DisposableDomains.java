package dev.suppression.verification;

import dev.suppression.address.DomainName;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Throw-away mail domains, read once at start-up from {@code suppression.verification.disposable-domains}: the
 * shipped list (see its header for source, licence and date) or a newer copy. A listed domain covers its
 * subdomains too, since these services hand out {@code anything.example-disposable.com}.
 */
class DisposableDomains {

    private static final Logger log = LoggerFactory.getLogger(DisposableDomains.class);

    private final Set<String> domains;

    /** Reads the configured list once, at start-up: a list that cannot be read stops the service with why. */
    @Configuration(proxyBeanMethods = false)
    static class FromSettings {
        @Bean
        DisposableDomains disposableDomains(VerificationSettings settings, ResourceLoader resources) {
            return new DisposableDomains(read(settings.disposableDomains(), resources));
        }
    }

    DisposableDomains(Set<String> domains) {
        this.domains = Set.copyOf(domains);
    }

    private static Set<String> read(String location, ResourceLoader resources) {
        var resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException("suppression.verification.disposable-domains: nothing at '" + location
                    + "'; name a file as file:/path/to/list.txt, one domain a line");
        }
        var found = new HashSet<String>();
        try (var reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                var entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    found.add(entry.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the disposable domains at " + location, e);
        }
        log.info("{} disposable domains read from {}", found.size(), location);
        return found;
    }

    boolean isDisposable(DomainName domain) {
        var name = domain.value();
        while (true) {
            if (domains.contains(name)) {
                return true;
            }
            int dot = name.indexOf('.');
            if (dot < 0 || name.indexOf('.', dot + 1) < 0) {
                return false; // a bare top-level domain is never listed
            }
            name = name.substring(dot + 1);
        }
    }

    int size() {
        return domains.size();
    }
}
