package dev.suppression.dns;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the diagnosis asks DNS ({@code suppression.dns.*}).
 *
 * @param servers   the DNS servers to ask, each {@code host:port} (or {@code host} for port 53); empty: the
 *                  system's resolvers
 * @param timeout   how long one lookup may take, all servers and retries included
 * @param minTtl    the shortest time an answer is kept, whatever its TTL says (a floor against TTL 0 storms)
 * @param maxTtl    the longest time an answer is kept, whatever its TTL says (a ceiling, so a fix shows soon)
 * @param cacheSize the most answers kept
 */
@Validated
@ConfigurationProperties("suppression.dns")
public record DnsSettings(
        @NotNull @DefaultValue({}) List<String> servers,
        @NotNull @DefaultValue("2s") Duration timeout,
        @NotNull @DefaultValue("30s") Duration minTtl,
        @NotNull @DefaultValue("1h") Duration maxTtl,
        @Min(1) @Max(1_000_000) @DefaultValue("10000") int cacheSize) {

    public DnsSettings {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("suppression.dns.timeout must be positive, not " + timeout);
        }
        if (minTtl.isNegative() || maxTtl.compareTo(minTtl) < 0) {
            throw new IllegalArgumentException("suppression.dns.min-ttl (" + minTtl + ") must be at least 0 and at most"
                    + " suppression.dns.max-ttl (" + maxTtl + ")");
        }
        servers = List.copyOf(servers);
        servers.forEach(DnsSettings::address);
    }

    /** The configured servers as socket addresses; empty when the system's resolvers are to be asked. */
    List<InetSocketAddress> serverAddresses() {
        return servers.stream().map(DnsSettings::address).toList();
    }

    private static InetSocketAddress address(String server) {
        var text = server.strip();
        var host = text;
        var port = 53;
        int colon = text.lastIndexOf(':');
        // An IPv6 literal is written in brackets when it has a port: [::1]:5353.
        if (colon > 0 && (text.indexOf(':') == colon || text.startsWith("["))) {
            host = text.substring(0, colon);
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("suppression.dns.servers: '" + server + "' has no valid port");
            }
        }
        host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("suppression.dns.servers: '" + server + "' is not host:port");
        }
        return new InetSocketAddress(host, port);
    }
}
