package dev.suppression.suppression;

import dev.suppression.address.EmailAddress;
import dev.suppression.address.InvalidAddressException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The check for many addresses at once: two set queries (suppressed addresses, paused domains) instead of
 * one round trip per address, answers in input order. A malformed address is answered {@code INVALID}
 * with the reason, never a failed call.
 */
@Service
public class BatchCheck {

    private final JdbcClient jdbc;

    BatchCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<BatchCheckResult> check(List<@Nullable String> addresses) {
        var parsed = new ArrayList<@Nullable EmailAddress>(addresses.size());
        var problems = new ArrayList<@Nullable String>(addresses.size());
        Set<String> values = new HashSet<>();
        Set<String> domains = new HashSet<>();
        for (var raw : addresses) {
            try {
                if (raw == null) {
                    throw new InvalidAddressException("the address is null");
                }
                var address = EmailAddress.parse(raw);
                parsed.add(address);
                problems.add(null);
                values.add(address.value());
                domains.add(address.domain().value());
            } catch (InvalidAddressException e) {
                parsed.add(null);
                problems.add(e.getMessage());
            }
        }
        var suppressed = values.isEmpty() ? Set.<String>of() : new HashSet<>(jdbc.sql(
                        "select address from suppression where address = any(?) and active")
                .param(values.toArray(String[]::new)).query(String.class).list());
        var paused = domains.isEmpty() ? Set.<String>of() : new HashSet<>(jdbc.sql(
                        "select domain from recipient_domain where domain = any(?) and paused")
                .param(domains.toArray(String[]::new)).query(String.class).list());
        var results = new ArrayList<BatchCheckResult>(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            var address = parsed.get(i);
            if (address == null) {
                var raw = addresses.get(i);
                results.add(new BatchCheckResult(raw == null ? "" : raw, false, "INVALID", problems.get(i)));
                continue;
            }
            Verdict verdict = suppressed.contains(address.value()) ? Verdict.SUPPRESSED
                    : paused.contains(address.domain().value()) ? Verdict.DOMAIN_PAUSED : Verdict.ALLOW;
            results.add(new BatchCheckResult(address.value(), verdict.mayMail(), verdict.name(), null));
        }
        return results;
    }

    /** One address's answer: the check view's address, mayMail and verdict, or INVALID with a detail. */
    public record BatchCheckResult(String address, boolean mayMail, String verdict, @Nullable String detail) { }
}
