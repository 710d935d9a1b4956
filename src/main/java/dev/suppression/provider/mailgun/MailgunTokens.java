package dev.suppression.provider.mailgun;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The signature tokens of Mailgun requests already ingested. The webhook hands each token on as the delivery
 * id, so the ingestion transaction records it in {@code webhook_receipt}; this only asks whether it is there.
 */
@Repository
class MailgunTokens {

    private final JdbcClient jdbc;

    MailgunTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean used(String token) {
        return jdbc.sql("select exists (select 1 from webhook_receipt where provider = 'mailgun' and receipt_id = ?)")
                .param(token).query(Boolean.class).single();
    }
}
