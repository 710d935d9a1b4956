package dev.suppression.suppression;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Every address that is or was on the suppression list, keyed by normalized address. */
interface Suppressions extends JpaRepository<Suppression, String> {

    @Query("select s from Suppression s where s.active = true and s.address > :after order by s.address")
    List<Suppression> activeAfter(String after, Limit limit);

    @Query("select s from Suppression s where s.active = true and s.domain = :domain and s.address > :after order by s.address")
    List<Suppression> activeAtDomainAfter(String domain, String after, Limit limit);
}
