package dev.suppression.checkindex;

import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which addresses have a suppression row (active or cleared) and which domains have had a hard-bounced
 * address or a pause, as hash filters. When both are certainly absent the check is ALLOW with an empty
 * domain status ("unseen"), and no query is needed. A domain row alone (created by an import, a complaint
 * or a manual suppression) does not put a domain here: it changes nothing in the domain's status. Anything else, and any moment the index cannot be trusted (before
 * warm-up, or while the notification channel is down), goes to the database.
 *
 * <p>Writers call {@link #noteAddresses} / {@link #noteDomains} inside their transaction: the entry is added
 * here at once (read-your-writes on this instance; adding early is harmless, it only costs a query) and a
 * NOTIFY, delivered by PostgreSQL at commit, adds it on every other instance.
 */
@Component
public class CheckIndex {

    static final String CHANNEL = "suppression_check_index";
    static final char ADDRESS = 'a';
    static final char DOMAIN = 'd';
    private static final int MAX_PAYLOAD = 7_000;

    private final JdbcClient jdbc;
    private volatile State state = State.untrusted();

    CheckIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the address certainly has no suppression row; false means "ask the database". */
    public boolean certainlyUnknownAddress(String address) {
        var s = state;
        return s.trusted() && !s.addresses().mightContain(LongHashFilter.hash(address));
    }

    /** True when the domain certainly has no bounced address and no pause; false means "ask the database". */
    public boolean certainlyUnknownDomain(String domain) {
        var s = state;
        return s.trusted() && !s.domains().mightContain(LongHashFilter.hash(domain));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void noteAddresses(Collection<String> addresses) {
        addresses.forEach(a -> state.addresses().add(LongHashFilter.hash(a)));
        notifyAll(ADDRESS, addresses);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void noteDomains(Collection<String> domains) {
        domains.forEach(d -> state.domains().add(LongHashFilter.hash(d)));
        notifyAll(DOMAIN, domains);
    }

    public boolean isTrusted() {
        return state.trusted();
    }

    /** Entries in the index, for the benchmark's and ops' curiosity. */
    public int addressCount() {
        return state.addresses().size();
    }

    void applyNotification(String payload) {
        if (payload.isEmpty()) {
            return;
        }
        var filter = payload.charAt(0) == ADDRESS ? state.addresses() : state.domains();
        for (var value : payload.substring(2).split("\n")) {
            if (!value.isEmpty()) {
                filter.add(LongHashFilter.hash(value));
            }
        }
    }

    /** Starts filling fresh filters: notifications arriving meanwhile land in them too. */
    State beginWarmUp(int expectedAddresses, int expectedDomains) {
        var fresh = new State(new LongHashFilter(expectedAddresses), new LongHashFilter(expectedDomains), false);
        state = fresh;
        return fresh;
    }

    void trust(State warmed) {
        if (state == warmed) {
            state = new State(warmed.addresses(), warmed.domains(), true);
        }
    }

    void distrust() {
        var s = state;
        state = new State(s.addresses(), s.domains(), false);
    }

    private void notifyAll(char kind, Collection<String> values) {
        var payload = new StringBuilder().append(kind).append(':');
        for (var value : values) {
            if (payload.length() + value.length() + 1 > MAX_PAYLOAD) {
                send(payload.toString());
                payload.setLength(2);
            }
            payload.append(value).append('\n');
        }
        if (payload.length() > 2) {
            send(payload.toString());
        }
    }

    private void send(String payload) {
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, payload).query().singleValue();
    }

    record State(LongHashFilter addresses, LongHashFilter domains, boolean trusted) {
        static State untrusted() {
            return new State(new LongHashFilter(16), new LongHashFilter(16), false);
        }
    }
}
