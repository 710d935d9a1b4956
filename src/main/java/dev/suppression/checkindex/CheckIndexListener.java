package dev.suppression.checkindex;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link CheckIndex} coherent with the database: LISTEN first, then load every address and domain,
 * then trust the index and apply notifications as they come (within milliseconds of each commit). When the
 * connection breaks, the index is distrusted at once (checks go to the database) and rebuilt after reconnecting.
 *
 * <p>LISTEN/NOTIFY rather than a change-log poll: delivery is pushed at commit, costs no query while nothing
 * changes, and PostgreSQL already guarantees the order; the price is one dedicated connection per instance.
 */
@Component
class CheckIndexListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckIndexListener.class);

    private final CheckIndex index;
    private final DataSource dataSource;
    private volatile boolean running;
    private final AtomicInteger generation = new AtomicInteger();

    CheckIndexListener(CheckIndex index, DataSource dataSource) {
        this.index = index;
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void startListening() {
        if (running) {
            return;
        }
        running = true;
        int current = generation.incrementAndGet();
        Thread.ofPlatform().daemon().name("check-index-listener-" + current).start(() -> run(current));
    }

    @Override
    public void start() {
        // started on ApplicationReadyEvent, once migrations ran
    }

    @Override
    public synchronized void stop() {
        running = false;
        generation.incrementAndGet();
        index.distrust();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run(int myGeneration) {
        while (current(myGeneration)) {
            try (var connection = dataSource.getConnection()) {
                listenAndWarm(connection, myGeneration);
                var pg = connection.unwrap(PGConnection.class);
                while (current(myGeneration)) {
                    var notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (var n : notifications) {
                            index.applyNotification(n.getParameter());
                        }
                    }
                    // getNotifications does not notice a dead server on its own: ask.
                    if (!connection.isValid(2)) {
                        throw new SQLException("listener connection lost");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (current(myGeneration)) {
                    index.distrust();
                    log.warn("Check index untrusted (checks use the database) until the listener reconnects: {}",
                            e.getMessage());
                    sleepQuietly();
                }
            }
        }
    }

    private boolean current(int myGeneration) {
        return running && generation.get() == myGeneration;
    }

    private void listenAndWarm(Connection connection, int myGeneration) throws SQLException {
        connection.setAutoCommit(true);
        try (var statement = connection.createStatement()) {
            statement.execute("LISTEN " + CheckIndex.CHANNEL);
        }
        int addresses = count(connection, "select count(*) from suppression");
        int domains = count(connection, "select count(*) from recipient_domain"); // an upper bound
        var warming = index.beginWarmUp(addresses, domains);
        connection.setAutoCommit(false);
        load(connection, "select address from suppression", warming.addresses());
        load(connection, """
                select domain from recipient_domain d
                where paused or exists (select 1 from domain_bounced_address b where b.domain = d.domain)
                """, warming.domains());
        connection.commit();
        connection.setAutoCommit(true);
        if (current(myGeneration)) {
            index.trust(warming);
        }
        log.info("Check index warm: {} addresses, {} domains with bounces or a pause", warming.addresses().size(),
                warming.domains().size());
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
            rs.next();
            return (int) Math.min(Integer.MAX_VALUE, rs.getLong(1));
        }
    }

    private static void load(Connection connection, String sql, LongHashFilter filter) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(10_000);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    filter.add(LongHashFilter.hash(rs.getString(1)));
                }
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
