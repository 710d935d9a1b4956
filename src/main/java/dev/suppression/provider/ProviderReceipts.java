package dev.suppression.provider;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Provider delivery ids already stored (SNS MessageId, Svix id, Mailgun token). */
@Repository
class ProviderReceipts {

    private final JdbcClient jdbc;

    ProviderReceipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean seen(String provider, String deliveryId) {
        return jdbc.sql("select exists (select 1 from webhook_receipt where provider = ? and receipt_id = ?)")
                .params(provider, deliveryId).query(Boolean.class).single();
    }

    /** True when this call stored the id, false when it was there already. */
    boolean record(String provider, String deliveryId) {
        return jdbc.sql("insert into webhook_receipt (provider, receipt_id) values (?, ?) on conflict do nothing")
                .params(provider, deliveryId).update() == 1;
    }
}
