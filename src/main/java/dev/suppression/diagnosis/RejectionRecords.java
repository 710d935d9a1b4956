package dev.suppression.diagnosis;

import dev.suppression.bounce.Origin;
import dev.suppression.classification.BounceReason;
import dev.suppression.classification.Classification;
import dev.suppression.classification.RefusingHost;
import dev.suppression.classification.SmtpStage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one place the diagnosis reads stored bounces (table bounce_event), and where the rejecting host and the
 * SMTP stage come from: the bounce's own {@code remote_mta} and {@code stage}. Rows stored before those columns
 * existed have neither; for them the host is the one the response text names ({@link RefusingHost}) and the
 * stage is read from the text. Without a remote host the reporting MTA stands in, as {@code POST /bounces}
 * documents it and as the cluster's {@code rejectingHost} does.
 */
@Repository
class RejectionRecords {

    private static final String COLUMNS = """
            recipient, classification, reason, smtp_code, enhanced_code, diagnostic, origin, occurred_at, received_at,
            message_id, reporting_mta, source, stage, remote_mta""";

    private final JdbcClient jdbc;
    private final WhoIsWho whoIsWho;

    RejectionRecords(JdbcClient jdbc, WhoIsWho whoIsWho) {
        this.jdbc = jdbc;
        this.whoIsWho = whoIsWho;
    }

    /** The latest bounce that counted toward the domain's cluster, for each address, since the window opened. */
    List<BounceEvidence> latestCountedSince(Collection<String> addresses, Instant windowStart) {
        if (addresses.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct on (recipient) " + COLUMNS + """

                from bounce_event
                where recipient = any(?) and counts_toward_cluster and occurred_at > ?
                order by recipient, occurred_at desc, id desc
                """)
                .params(addresses.toArray(String[]::new), Timestamp.from(windowStart))
                .query((rs, n) -> evidence(rs))
                .list();
    }

    /** An address's bounces, newest first, at most {@code limit}. */
    List<BounceEvidence> forAddress(String address, int limit) {
        return jdbc.sql("select " + COLUMNS + " from bounce_event where recipient = ? order by id desc limit ?")
                .params(address, limit)
                .query((rs, n) -> evidence(rs))
                .list();
    }

    private BounceEvidence evidence(ResultSet rs) throws SQLException {
        var diagnostic = rs.getString("diagnostic");
        var reportingMta = rs.getString("reporting_mta");
        var origin = Origin.valueOf(rs.getString("origin"));
        var stored = rs.getString("stage");
        var stage = stored == null ? SmtpStage.readFrom(diagnostic) : SmtpStage.valueOf(stored);
        var host = Optional.ofNullable(rs.getString("remote_mta"))
                .or(() -> Optional.ofNullable(RefusingHost.readFrom(diagnostic)))
                .or(() -> Optional.ofNullable(reportingMta)).orElse(null);
        var rejector = rejector(origin, host);
        var reason = rs.getString("reason");
        return new BounceEvidence(rs.getString("recipient"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("received_at").toInstant(), Classification.valueOf(rs.getString("classification")),
                reason == null ? null : BounceReason.valueOf(reason), (Integer) rs.getObject("smtp_code"),
                rs.getString("enhanced_code"), diagnostic, stage, rejector.host(),
                rejector.role(), rejector.vendor(), rs.getString("message_id"), reportingMta, origin,
                rs.getString("source"));
    }

    /**
     * A bounce the platform produced itself is the platform's; one with no remote host never left our side;
     * otherwise the who-is-who table names the host's role.
     */
    private Rejector rejector(Origin origin, @Nullable String host) {
        if (origin == Origin.SENDER) {
            var vendor = host == null ? null : whoIsWho.of(host).map(HostVendor::vendor).orElse(null);
            return new Rejector(host, RejectorRole.SENDING_PLATFORM, vendor);
        }
        if (host == null) {
            return new Rejector(null, RejectorRole.OWN_SIDE, null);
        }
        return whoIsWho.rejector(host);
    }
}
