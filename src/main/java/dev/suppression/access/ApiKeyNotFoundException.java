package dev.suppression.access;

import java.util.UUID;

/** No key with this id exists. */
public class ApiKeyNotFoundException extends RuntimeException {

    public ApiKeyNotFoundException(UUID id) {
        super("There is no API key with id " + id + "; GET /api-keys lists them.");
    }
}
