package dev.suppression.suppression;

import dev.suppression.address.EmailAddress;
import dev.suppression.classification.Classification;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One address's place on the suppression list. A suppression is permanent until ops clear it; a clear
 * starts a probation in which a new hard bounce suppresses the address again and makes the next clear
 * need force.
 */
@Entity
@Table(name = "suppression")
class Suppression {

    /** What a hard bounce did to the list, recorded in the history. */
    enum Outcome { SUPPRESSED, RESUPPRESSED, EVIDENCE_ADDED, IGNORED_BEFORE_CLEAR }

    @Id
    private String address;

    @Column(nullable = false)
    private String domain;

    @Column(nullable = false)
    private boolean active;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SuppressionReason reason;

    @Enumerated(EnumType.STRING)
    private @Nullable Classification classification;

    @Column(nullable = false)
    private Instant since;

    private @Nullable String lastResponse;

    private @Nullable String rejectingHost;

    private @Nullable Long lastBounceId;

    private @Nullable Instant clearedAt;

    private @Nullable Instant probationUntil;

    @Column(nullable = false)
    private boolean resuppressedOnProbation;

    protected Suppression() {
        this.address = "";
        this.domain = "";
        this.reason = SuppressionReason.MANUAL;
        this.since = Instant.EPOCH;
    }

    private Suppression(EmailAddress address, SuppressionReason reason, Instant since) {
        this.address = address.value();
        this.domain = address.domain().value();
        this.active = true;
        this.reason = reason;
        this.since = since;
    }

    /** A suppression as stored, read by the batch path ({@link SuppressionRows}) without the entity manager. */
    static Suppression restore(String address, String domain, boolean active, SuppressionReason reason,
                               @Nullable Classification classification, Instant since, @Nullable String lastResponse,
                               @Nullable String rejectingHost, @Nullable Long lastBounceId, @Nullable Instant clearedAt,
                               @Nullable Instant probationUntil, boolean resuppressedOnProbation) {
        var s = new Suppression();
        s.address = address;
        s.domain = domain;
        s.active = active;
        s.reason = reason;
        s.classification = classification;
        s.since = since;
        s.lastResponse = lastResponse;
        s.rejectingHost = rejectingHost;
        s.lastBounceId = lastBounceId;
        s.clearedAt = clearedAt;
        s.probationUntil = probationUntil;
        s.resuppressedOnProbation = resuppressedOnProbation;
        return s;
    }

    static Suppression fromHardBounce(HardBounce bounce, Instant now) {
        var suppression = new Suppression(bounce.address(), SuppressionReason.HARD_BOUNCE, now);
        suppression.takeEvidence(bounce);
        return suppression;
    }

    static Suppression manual(EmailAddress address, Instant now) {
        return new Suppression(address, SuppressionReason.MANUAL, now);
    }

    /**
     * Applies a new hard bounce. A bounce that happened before the last clear is evidence only: ops cleared
     * the address knowing of it.
     */
    Outcome applyHardBounce(HardBounce bounce, Instant now) {
        if (active) {
            takeEvidence(bounce);
            return Outcome.EVIDENCE_ADDED;
        }
        if (clearedAt != null && !bounce.occurredAt().isAfter(clearedAt)) {
            return Outcome.IGNORED_BEFORE_CLEAR;
        }
        var onProbation = isOnProbation(now);
        active = true;
        reason = SuppressionReason.HARD_BOUNCE;
        since = now;
        resuppressedOnProbation = onProbation;
        probationUntil = null;
        takeEvidence(bounce);
        return Outcome.RESUPPRESSED;
    }

    static Suppression fromComplaint(EmailAddress address, Instant now) {
        return new Suppression(address, SuppressionReason.COMPLAINT, now);
    }

    /**
     * Applies a spam complaint; false when nothing changed (already suppressed, or the complaint predates
     * the last clear).
     */
    boolean applyComplaint(Instant occurredAt, Instant now) {
        if (active || (clearedAt != null && !occurredAt.isAfter(clearedAt))) {
            return false;
        }
        active = true;
        reason = SuppressionReason.COMPLAINT;
        since = now;
        classification = null;
        probationUntil = null;
        return true;
    }

    /** Suppresses a cleared address by hand; false when it is already suppressed. */
    boolean suppressManually(Instant now) {
        if (active) {
            return false;
        }
        active = true;
        reason = SuppressionReason.MANUAL;
        since = now;
        classification = null;
        probationUntil = null;
        return true;
    }

    /** Clears the suppression after a recipient-side fix and starts a probation. */
    void clear(Instant now, Duration probation, boolean force) {
        if (!active) {
            throw new AddressNotSuppressedException(EmailAddress.parse(address));
        }
        if (resuppressedOnProbation && !force) {
            throw new ClearNeedsForceException(EmailAddress.parse(address));
        }
        active = false;
        clearedAt = now;
        probationUntil = now.plus(probation);
        resuppressedOnProbation = false;
    }

    boolean isActive() {
        return active;
    }

    boolean isOnProbation(Instant now) {
        return !active && probationUntil != null && now.isBefore(probationUntil);
    }

    boolean needsForceToClear() {
        return resuppressedOnProbation;
    }

    String address() {
        return address;
    }

    String domain() {
        return domain;
    }

    @Nullable Long lastBounceId() {
        return lastBounceId;
    }

    @Nullable Instant clearedAt() {
        return clearedAt;
    }

    @Nullable Instant probationUntil() {
        return probationUntil;
    }

    SuppressionReason reason() {
        return reason;
    }

    @Nullable Classification classification() {
        return classification;
    }

    Instant since() {
        return since;
    }

    @Nullable String lastResponse() {
        return lastResponse;
    }

    @Nullable String rejectingHost() {
        return rejectingHost;
    }

    private void takeEvidence(HardBounce bounce) {
        classification = bounce.classification();
        lastResponse = bounce.response();
        rejectingHost = bounce.rejectingHost();
        lastBounceId = bounce.bounceId();
    }
}
