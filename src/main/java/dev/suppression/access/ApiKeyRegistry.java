package dev.suppression.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, revokes and authenticates API keys. Lookups are cached briefly per instance so the check
 * endpoint does not pay a key query on every send; a revoke evicts the key here at once.
 */
@Service
public class ApiKeyRegistry {

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ApiKeys keys;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> lastTouched = new ConcurrentHashMap<>();

    ApiKeyRegistry(ApiKeys keys, Clock clock, AccessSettings settings) {
        this.keys = keys;
        this.clock = clock;
        this.cacheTtl = settings.keyCacheTtl();
    }

    /** A new key; the secret is in the answer and nowhere else, ever. */
    @Transactional
    public CreatedKey create(String name, Set<Role> roles, @Nullable Instant expiresAt, boolean live) {
        var secret = ApiKeySecret.generate(live);
        var key = keys.save(new ApiKey(name, roles, secret, clock.instant(), expiresAt));
        return new CreatedKey(view(key), secret.value());
    }

    /** Stores a key whose secret came from configuration, unless it is already stored (revoked or not). */
    @Transactional
    boolean register(String name, Set<Role> roles, ApiKeySecret secret) {
        if (keys.findBySecretHash(secret.hash()).isPresent()) {
            return false;
        }
        keys.save(new ApiKey(name, roles, secret, clock.instant(), null));
        return true;
    }

    @Transactional(readOnly = true)
    public List<KeyView> list() {
        return keys.findAllByOrderByCreatedAtAsc().stream().map(this::view).toList();
    }

    @Transactional
    public void revoke(UUID id) {
        var key = keys.findById(id).orElseThrow(() -> new ApiKeyNotFoundException(id));
        key.revoke(clock.instant());
        cache.values().removeIf(c -> c.key().id().equals(id));
    }

    @Transactional(readOnly = true)
    boolean anyExists() {
        return keys.count() > 0;
    }

    /** The key behind a presented secret, if it exists and is neither revoked nor expired. */
    public Optional<ApiKeyPrincipal> authenticate(String presented) {
        var hash = new ApiKeySecret(presented).hash();
        var now = clock.instant();
        var cached = cache.get(hash);
        if (cached == null || cached.loadedAt().plus(cacheTtl).isBefore(now)) {
            var found = keys.findBySecretHash(hash);
            if (found.isEmpty()) {
                cache.remove(hash);
                return Optional.empty();
            }
            cached = new Cached(found.get(), now);
            cache.put(hash, cached);
        }
        var key = cached.key();
        if (!key.isUsable(now)) {
            return Optional.empty();
        }
        touch(key.id(), now);
        return Optional.of(new ApiKeyPrincipal(key.id(), key.name(), key.roles()));
    }

    /** Whether the key with this id still exists and is neither revoked nor expired; never cached. */
    @Transactional(readOnly = true)
    public boolean isUsable(UUID id) {
        return keys.findById(id).map(key -> key.isUsable(clock.instant())).orElse(false);
    }

    /** Records last use at most once a minute per key and instance, so checks do not each write a row. */
    private void touch(UUID id, Instant now) {
        var previous = lastTouched.get(id);
        if (previous == null || previous.plus(TOUCH_EVERY).isBefore(now)) {
            lastTouched.put(id, now);
            keys.touch(id, now);
        }
    }

    private KeyView view(ApiKey key) {
        return new KeyView(key.id(), key.name(), key.roles().stream().map(Role::wireName).sorted().toList(),
                key.prefix(), key.createdAt(), key.lastUsedAt(), key.expiresAt(), key.revokedAt(),
                key.isUsable(clock.instant()));
    }

    private record Cached(ApiKey key, Instant loadedAt) { }

    /** A key as lists show it: never the secret. */
    public record KeyView(UUID id, String name, List<String> roles, String prefix, Instant createdAt,
                          @Nullable Instant lastUsedAt, @Nullable Instant expiresAt, @Nullable Instant revokedAt,
                          boolean active) { }

    /** The answer to a create: the only time the secret is shown. */
    public record CreatedKey(KeyView key, String secret) { }
}
