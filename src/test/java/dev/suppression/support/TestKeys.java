package dev.suppression.support;

/** Known keys for tests: the bootstrap admin key every integration test context starts with. */
public final class TestKeys {

    public static final String ADMIN = "sk_test_IntegrationAdminKey0123456789abcdefXYZ";

    private TestKeys() {
    }
}
