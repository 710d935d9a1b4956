package dev.suppression.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** Every API key ever created, revoked ones included (they stay for the audit trail). */
interface ApiKeys extends JpaRepository<ApiKey, UUID> {

    Optional<ApiKey> findBySecretHash(String secretHash);

    List<ApiKey> findAllByOrderByCreatedAtAsc();

    @Transactional
    @Modifying
    @Query(value = "update api_key set last_used_at = :now where id = :id", nativeQuery = true)
    void touch(UUID id, Instant now);
}
