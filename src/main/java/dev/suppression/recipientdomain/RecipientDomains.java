package dev.suppression.recipientdomain;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The recipient domains the service has seen a hard bounce or an ops change for. */
interface RecipientDomains extends JpaRepository<RecipientDomain, String> {

    /** The row lock every change to a domain's addresses and pause takes first, on every instance. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from RecipientDomain d where d.domain = :domain")
    Optional<RecipientDomain> lock(String domain);

    List<RecipientDomain> findByPausedTrueOrderByPausedAtAsc();
}
