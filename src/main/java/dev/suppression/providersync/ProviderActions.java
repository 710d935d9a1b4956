package dev.suppression.providersync;

import dev.suppression.suppression.ProviderListStatus;
import dev.suppression.suppression.SuppressionReason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox of provider list actions (table provider_action) and the spellings providers use (provider_listed_address). */
@Repository
public class ProviderActions {

    private static final int MAX_ERROR = 500;

    /** One action as stored. */
    public record Action(long id, String provider, ActionKind kind, String address, @Nullable SuppressionReason reason,
                         ActionState state, Instant createdAt, int attempts, @Nullable Instant doneAt,
                         @Nullable String lastError) {

        /** What a person reads of it: {@code removed at ...}, {@code pending}, {@code failed: ...}. */
        public ProviderListStatus status() {
            return ConnectedLists.status(this);
        }
    }

    private final JdbcClient jdbc;

    ProviderActions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds an action in the caller's transaction; an older action for the same provider and address not sent yet
     * is superseded, since only the latest change here decides what the provider's list should hold. One being
     * sent right now (locked) is left to its sender, which finds the newer one before it tries again
     * ({@link #hasNewer}); the change here never waits for a provider's answer.
     */
    void add(String provider, ActionKind kind, String address, @Nullable SuppressionReason reason, Instant at) {
        addAll(provider, kind, List.of(address), java.util.Collections.singletonList(reason), at);
    }

    /** {@link #add} for a batch, in two statements whatever its size. */
    void addAll(String provider, ActionKind kind, List<String> addresses, List<@Nullable SuppressionReason> reasons,
                Instant at) {
        var addressArray = addresses.toArray(String[]::new);
        var reasonArray = reasons.stream().map(r -> r == null ? null : r.name()).toArray(String[]::new);
        jdbc.sql("""
                update provider_action set state = 'SUPERSEDED' where id in (
                    select id from provider_action
                    where address = any(?::text[]) and provider = ? and state in ('PENDING', 'VERIFYING')
                    for update skip locked)
                """).params(addressArray, provider).update();
        jdbc.sql("""
                insert into provider_action (provider, kind, address, reason, state, created_at, next_attempt_at)
                select ?, ?, a, r, 'PENDING', ?, ? from unnest(?::text[], ?::text[]) with ordinality as x(a, r, position)
                order by position
                """)
                .params(provider, kind.name(), Timestamp.from(at), Timestamp.from(at), addressArray, reasonArray)
                .update();
    }

    /**
     * The oldest action due for one of these providers, locked until the caller's transaction ends; another
     * instance skips it.
     */
    Optional<Action> lockNextDue(Instant now, List<String> providers) {
        return jdbc.sql("""
                select * from provider_action
                where state in ('PENDING', 'VERIFYING') and next_attempt_at <= ? and provider = any(?::text[])
                order by next_attempt_at, id limit 1 for update skip locked
                """)
                .params(Timestamp.from(now), providers.toArray(String[]::new)).query(ProviderActions::action).optional();
    }

    boolean hasNewer(Action action) {
        return jdbc.sql("select exists (select 1 from provider_action where address = ? and provider = ? and id > ?)")
                .params(action.address(), action.provider(), action.id()).query(Boolean.class).single();
    }

    void markDone(long id, Instant at) {
        jdbc.sql("update provider_action set state = 'DONE', done_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                .params(Timestamp.from(at), id).update();
    }

    void markVerifying(long id, Instant readBackAt, @Nullable String error) {
        jdbc.sql("""
                update provider_action set state = 'VERIFYING', attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                where id = ?
                """).params(Timestamp.from(readBackAt), shorten(error), id).update();
    }

    void markRetry(long id, Instant nextAttempt, String error) {
        jdbc.sql("""
                update provider_action set state = 'PENDING', attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                where id = ?
                """).params(Timestamp.from(nextAttempt), shorten(error), id).update();
    }

    void markEnded(long id, ActionState state, Instant at, String error) {
        jdbc.sql("update provider_action set state = ?, done_at = ?, attempts = attempts + 1, last_error = ? where id = ?")
                .params(state.name(), Timestamp.from(at), shorten(error), id).update();
    }

    /** Actions of the provider still to be done or confirmed. */
    long openCount(String provider) {
        return jdbc.sql("select count(*) from provider_action where provider = ? and state in ('PENDING', 'VERIFYING')")
                .param(provider).query(Long.class).single();
    }

    /** The latest action per provider for the address, by provider name. */
    public List<Action> latestFor(String address) {
        return jdbc.sql("""
                select distinct on (provider) * from provider_action
                where address = ? and state <> 'SUPERSEDED' order by provider, id desc
                """).param(address).query(ProviderActions::action).list();
    }

    /** Every action for the address with its place in the history sequence. */
    public List<Action> allFor(String address) {
        return jdbc.sql("select * from provider_action where address = ? order by id")
                .param(address).query(ProviderActions::action).list();
    }

    /** How the provider spells the address, when an import saw it; else the address as we hold it. */
    String listedAs(String provider, String address) {
        return jdbc.sql("select listed_as from provider_listed_address where provider = ? and address = ?")
                .params(provider, address).query(String.class).optional().orElse(address);
    }

    void rememberSpelling(String provider, List<String> addresses, List<String> listedAs) {
        if (addresses.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into provider_listed_address (provider, address, listed_as)
                select ?, a, l from unnest(?::text[], ?::text[]) as x(a, l)
                where a <> l
                on conflict (provider, address) do update set listed_as = excluded.listed_as
                """).params(provider, addresses.toArray(String[]::new), listedAs.toArray(String[]::new)).update();
    }

    private static @Nullable String shorten(@Nullable String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }

    private static Action action(ResultSet rs, int row) throws SQLException {
        var reason = rs.getString("reason");
        var doneAt = rs.getTimestamp("done_at");
        return new Action(rs.getLong("id"), rs.getString("provider"), ActionKind.valueOf(rs.getString("kind")),
                rs.getString("address"), reason == null ? null : SuppressionReason.valueOf(reason),
                ActionState.valueOf(rs.getString("state")), rs.getTimestamp("created_at").toInstant(),
                rs.getInt("attempts"), doneAt == null ? null : doneAt.toInstant(), rs.getString("last_error"));
    }
}
