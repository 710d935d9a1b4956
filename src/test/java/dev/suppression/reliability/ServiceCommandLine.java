package dev.suppression.reliability;

import dev.suppression.support.TestDnsServer;
import dev.suppression.support.TestKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line every service instance in these tests starts with: the database, the bootstrap admin key,
 * rate limits and scheduled jobs off, DNS at the tests' own server, and the web server bound to the loopback interface only.
 */
final class ServiceCommandLine {

    private ServiceCommandLine() {
    }

    static String[] of(PostgresServer database, int port, String... extra) {
        var args = new ArrayList<>(List.of(
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--suppression.security.bootstrap-admin-key=" + TestKeys.ADMIN,
                "--suppression.rate-limit.ingest.requests-per-second=0",
                "--suppression.rate-limit.ops.requests-per-second=0",
                "--suppression.rate-limit.admin.requests-per-second=0",
                "--suppression.scheduling.enabled=false",
                // The diagnosis looks up MX records after a cluster forms: never at a real resolver.
                "--suppression.dns.servers=" + TestDnsServer.shared().address(),
                "--spring.main.banner-mode=off"));
        args.addAll(Arrays.asList(extra));
        return args.toArray(String[]::new);
    }
}
