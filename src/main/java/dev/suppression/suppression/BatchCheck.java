package dev.suppression.suppression;

import dev.suppression.address.EmailAddress;
import dev.suppression.address.InvalidAddressException;
import dev.suppression.checkindex.CheckIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The check for many addresses at once: one set query (suppressed addresses, paused domains) for what the
 * check index cannot rule out, instead of one round trip per address; answers in input order. A malformed address is answered {@code INVALID}
 * with the reason, never a failed call.
 */
@Service
public class BatchCheck {

    private final JdbcClient jdbc;
    private final CheckIndex checkIndex;

    BatchCheck(JdbcClient jdbc, CheckIndex checkIndex) {
        this.jdbc = jdbc;
        this.checkIndex = checkIndex;
    }

    public List<BatchCheckResult> check(List<@Nullable String> addresses) {
        int n = addresses.size();
        // The normalized address and domain of each input, null where it was malformed (problems says why).
        var normalized = new @Nullable String[n];
        var domainOf = new @Nullable String[n];
        var problems = new @Nullable String[n];
        // Only what the check index cannot rule out goes to the database, as for the single check.
        Set<String> values = new HashSet<>();
        Set<String> domains = new HashSet<>();
        for (int i = 0; i < n; i++) {
            var raw = addresses.get(i);
            try {
                if (raw == null) {
                    throw new InvalidAddressException("the address is null");
                }
                var address = EmailAddress.parse(raw);
                var value = address.value();
                var domain = address.domain().value();
                normalized[i] = value;
                domainOf[i] = domain;
                if (!checkIndex.certainlyUnknownAddress(value)) {
                    values.add(value);
                }
                if (!checkIndex.certainlyUnknownDomain(domain)) {
                    domains.add(domain);
                }
            } catch (InvalidAddressException e) {
                problems[i] = e.getMessage();
            }
        }
        var suppressed = new HashSet<String>();
        var paused = new HashSet<String>();
        if (!values.isEmpty() || !domains.isEmpty()) {
            // One statement: one round trip, and both sets from the same snapshot.
            jdbc.sql("""
                    select true as is_address, address as name from suppression where address = any(?) and active
                    union all
                    select false, domain from recipient_domain where domain = any(?) and paused
                    """)
                    .params(values.toArray(String[]::new), domains.toArray(String[]::new))
                    .query(rs -> {
                        (rs.getBoolean(1) ? suppressed : paused).add(rs.getString(2));
                    });
        }
        var results = new ArrayList<BatchCheckResult>(n);
        for (int i = 0; i < n; i++) {
            var value = normalized[i];
            if (value == null) {
                var raw = addresses.get(i);
                results.add(new BatchCheckResult(raw == null ? "" : raw, false, "INVALID", problems[i]));
                continue;
            }
            Verdict verdict = suppressed.contains(value) ? Verdict.SUPPRESSED
                    : paused.contains(domainOf[i]) ? Verdict.DOMAIN_PAUSED : Verdict.ALLOW;
            results.add(new BatchCheckResult(value, verdict.mayMail(), verdict.name(), null));
        }
        return results;
    }

    /** One address's answer: the check view's address, mayMail and verdict, or INVALID with a detail. */
    public record BatchCheckResult(String address, boolean mayMail, String verdict, @Nullable String detail) { }
}
