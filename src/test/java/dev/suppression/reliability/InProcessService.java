package dev.suppression.reliability;

import dev.suppression.SuppressionServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole service in this JVM, as {@code java -jar} would start it, listening on a real port of
 * 127.0.0.1. Several may run at once, each its own instance of the service.
 */
final class InProcessService implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final RealHttp http;

    private InProcessService(ConfigurableApplicationContext context) {
        this.context = context;
        var port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        this.http = new RealHttp(port);
    }

    /** Command-line arguments, so they outrank application.yaml the way they do in production. */
    static InProcessService on(PostgresServer database, String... extra) {
        var context = new SpringApplicationBuilder(SuppressionServiceApplication.class)
                .run(ServiceCommandLine.of(database, 0, extra));
        return new InProcessService(context);
    }

    RealHttp http() {
        return http;
    }

    @Override
    public void close() {
        context.close();
    }
}
