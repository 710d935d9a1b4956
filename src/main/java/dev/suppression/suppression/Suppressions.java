package dev.suppression.suppression;

import org.springframework.data.jpa.repository.JpaRepository;

/** Every address that is or was on the suppression list, keyed by normalized address. */
interface Suppressions extends JpaRepository<Suppression, String> {
}
