package dev.suppression.support;

/**
 * Test-only webhook secrets, configured for every integration test context so all provider tests share one
 * context. Tests sign requests with these the way each provider does; none of them is a real provider key.
 */
public final class TestProviderKeys {

    /** SendGrid: an EC P-256 key pair (PKCS#8 private key for signing, X.509 public key configured). */
    public static final String SENDGRID_PRIVATE_KEY = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgtNGCx1wVvATV2obKbWsgGRaxZKxfpouvsSj2F55T36WhRANCAARvHT+HS6MhCzP/8yfV1+p6R52Djbp6uchvSeRDyiyGbTmEztKOHNkdjHwvzY5VUhmVseKmpl5uzKfSlcER87DD";
    public static final String SENDGRID_PUBLIC_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEbx0/h0ujIQsz//Mn1dfqekedg426ernIb0nkQ8oshm05hM7SjhzZHYx8L82OVVIZlbHipqZebsyn0pXBEfOwww==";

    private TestProviderKeys() {
    }
}
