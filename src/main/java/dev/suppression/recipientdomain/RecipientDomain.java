package dev.suppression.recipientdomain;

import dev.suppression.address.DomainName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A recipient domain's pause state. The pause is sticky: only ops lift it. */
@Entity
@Table(name = "recipient_domain")
class RecipientDomain {

    @Id
    private String domain;

    @Column(nullable = false)
    private boolean paused;

    private @Nullable Instant pausedAt;

    private @Nullable Instant resumedAt;

    protected RecipientDomain() {
        this.domain = "";
    }

    DomainName name() {
        return new DomainName(domain);
    }

    boolean isPaused() {
        return paused;
    }

    @Nullable Instant pausedAt() {
        return pausedAt;
    }

    @Nullable Instant resumedAt() {
        return resumedAt;
    }

    /**
     * Lifts the pause; counting starts again from now. The time of the pause is kept next to the resume: a
     * ticket's history needs both ("paused at 10:02, resumed at 14:30 after the MX fix").
     */
    void resume(Instant now) {
        if (!paused) {
            throw new DomainNotPausedException(name());
        }
        paused = false;
        resumedAt = now;
    }
}
