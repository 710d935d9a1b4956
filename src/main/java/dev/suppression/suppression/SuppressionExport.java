package dev.suppression.suppression;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streams every active suppression as CSV ({@code address,reason,since,classification}, the import's
 * format) through a server-side cursor, so memory stays flat for millions of rows.
 */
@Service
public class SuppressionExport {

    private final JdbcTemplate jdbc;

    SuppressionExport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public void writeCsv(OutputStream out) {
        var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        try {
            writer.write("address,reason,since,classification\n");
            jdbc.query(con -> {
                var statement = con.prepareStatement(
                        "select address, reason, since, classification from suppression where active order by address");
                // A fetch size inside a transaction makes PostgreSQL stream through a cursor.
                statement.setFetchSize(5_000);
                return statement;
            }, rs -> {
                try {
                    writer.write(csv(rs.getString(1)));
                    writer.write(',');
                    writer.write(rs.getString(2));
                    writer.write(',');
                    writer.write(rs.getTimestamp(3).toInstant().toString());
                    writer.write(',');
                    var classification = rs.getString(4);
                    writer.write(classification == null ? "" : classification);
                    writer.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csv(String value) {
        return value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
