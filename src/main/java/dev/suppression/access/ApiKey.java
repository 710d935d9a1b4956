package dev.suppression.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** An API key: a name, its roles and lifetime, and the hash of its secret (never the secret itself). */
@Entity
@Table(name = "api_key")
class ApiKey {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String prefix;

    @Column(nullable = false)
    private String secretHash;

    @Column(nullable = false)
    private String roles;

    @Column(nullable = false)
    private Instant createdAt;

    private @Nullable Instant lastUsedAt;

    private @Nullable Instant expiresAt;

    private @Nullable Instant revokedAt;

    protected ApiKey() {
        this.id = UUID.randomUUID();
        this.name = "";
        this.prefix = "";
        this.secretHash = "";
        this.roles = "";
        this.createdAt = Instant.EPOCH;
    }

    ApiKey(String name, Set<Role> roles, ApiKeySecret secret, Instant now, @Nullable Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.prefix = secret.displayPrefix();
        this.secretHash = secret.hash();
        this.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    boolean isUsable(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String prefix() {
        return prefix;
    }

    Set<Role> roles() {
        var set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(r -> !r.isBlank()).map(Role::valueOf).forEach(set::add);
        return set;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable Instant lastUsedAt() {
        return lastUsedAt;
    }

    @Nullable Instant expiresAt() {
        return expiresAt;
    }

    @Nullable Instant revokedAt() {
        return revokedAt;
    }
}
