package dev.suppression.diagnosis;

import dev.suppression.dns.MailExchanger;
import dev.suppression.dns.MailRoute;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A mail route that DNS answered, in the form it is stored and compared: two lookups saw the same route when
 * kind and hosts are equal (the wording of a NO_MAIL_HOST reason is not part of it).
 *
 * @param hosts the MX records ("10 mx1.example.net"), the implicit MX's host, or none
 */
public record SeenRoute(RouteKind kind, List<String> hosts, @Nullable String detail) {

    static Optional<SeenRoute> of(MailRoute route) {
        return Optional.ofNullable(switch (route) {
            case MailRoute.Exchangers(var exchangers) -> new SeenRoute(RouteKind.MX,
                    exchangers.stream().map(e -> e.preference() + " " + e.host()).toList(), null);
            case MailRoute.ImplicitMx(var host) -> new SeenRoute(RouteKind.IMPLICIT_MX, List.of(host), null);
            case MailRoute.NullMx() -> new SeenRoute(RouteKind.NULL_MX, List.of(), null);
            case MailRoute.NoMailHost(var why) -> new SeenRoute(RouteKind.NO_MAIL_HOST, List.of(), why);
            case MailRoute.Unknown unknown -> null;
        });
    }

    static SeenRoute stored(String kind, @Nullable String hosts, @Nullable String detail) {
        return new SeenRoute(RouteKind.valueOf(kind), parseHosts(hosts), detail);
    }

    static List<String> parseHosts(@Nullable String hosts) {
        return hosts == null || hosts.isBlank() ? List.of()
                : Arrays.stream(hosts.split(",")).map(String::strip).toList();
    }

    String storedHosts() {
        return String.join(", ", hosts);
    }

    boolean sameRouteAs(SeenRoute other) {
        return kind == other.kind && hosts.equals(other.hosts);
    }

    /** The host names mail goes to, without preferences. */
    List<String> hostNames() {
        return hosts.stream().map(h -> h.contains(" ") ? h.substring(h.indexOf(' ') + 1) : h).toList();
    }

    List<MailExchanger> exchangers() {
        return switch (kind) {
            case MX -> hosts.stream().map(h -> {
                var parts = h.split(" ", 2);
                return new MailExchanger(Integer.parseInt(parts[0]), parts[1]);
            }).toList();
            case IMPLICIT_MX -> hosts.stream().map(h -> new MailExchanger(0, h)).toList();
            case NULL_MX, NO_MAIL_HOST -> List.of();
        };
    }

    /** The route in one line, as the ticket writes it. */
    String describe() {
        return switch (kind) {
            case MX -> "MX " + hosts.stream().collect(Collectors.joining(", "));
            case IMPLICIT_MX -> "no MX record; mail goes to the domain's own address (implicit MX " + hosts.getFirst() + ")";
            case NULL_MX -> "null MX (RFC 7505): the domain declares it accepts no mail";
            case NO_MAIL_HOST -> "no mail host: " + (detail == null ? "no MX, A or AAAA record" : detail);
        };
    }
}
