package dev.suppression.support;

/**
 * Test-only webhook secrets, configured for every integration test context so all provider tests share one
 * context. Tests sign requests with these the way each provider does; none of them is a real provider key.
 */
public final class TestProviderKeys {

    /** SendGrid: an EC P-256 key pair (PKCS#8 private key for signing, X.509 public key configured). */
    public static final String SENDGRID_PRIVATE_KEY = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgtNGCx1wVvATV2obKbWsgGRaxZKxfpouvsSj2F55T36WhRANCAARvHT+HS6MhCzP/8yfV1+p6R52Djbp6uchvSeRDyiyGbTmEztKOHNkdjHwvzY5VUhmVseKmpl5uzKfSlcER87DD";
    public static final String SENDGRID_PUBLIC_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEbx0/h0ujIQsz//Mn1dfqekedg426ernIb0nkQ8oshm05hM7SjhzZHYx8L82OVVIZlbHipqZebsyn0pXBEfOwww==";

    /** Mailgun: the HTTP webhook signing key. */
    public static final String MAILGUN_SIGNING_KEY = "key-test-mailgun-signing-0123456789abcdef";

    /** Postmark and SparkPost: the basic-auth credentials put into the webhook URL. */
    public static final String POSTMARK_USERNAME = "postmark-hook";
    public static final String POSTMARK_PASSWORD = "postmark-secret-test";
    public static final String SPARKPOST_USERNAME = "sparkpost-hook";
    public static final String SPARKPOST_PASSWORD = "sparkpost-secret-test";

    /** Resend (Svix): the endpoint's signing secret, base64 after whsec_. */
    public static final String RESEND_SIGNING_SECRET = "whsec_1nZx5NCFDYOCzcVWAG93Vz1ZtqU4htnA";

    /** Amazon SES via SNS: the one allowed topic. */
    public static final String SES_TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:ses-bounces";

    private TestProviderKeys() {
    }
}
