package dev.suppression;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Bounce-suppression service: keeps senders from mailing dead addresses and broken domains. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SuppressionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SuppressionServiceApplication.class, args);
    }
}
