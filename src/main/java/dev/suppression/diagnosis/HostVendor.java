package dev.suppression.diagnosis;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Locale;

/**
 * One row of the who-is-who table: host names ending in {@code suffix} (at a label boundary) belong to
 * {@code vendor}, acting as {@code role}.
 */
public record HostVendor(@NotBlank String suffix, @NotBlank String vendor, @NotNull RejectorRole role) {

    public HostVendor {
        suffix = suffix.strip().toLowerCase(Locale.ROOT);
        while (suffix.startsWith(".")) {
            suffix = suffix.substring(1);
        }
        if (suffix.endsWith(".")) {
            suffix = suffix.substring(0, suffix.length() - 1);
        }
        vendor = vendor.strip();
    }

    boolean matches(String host) {
        return host.equals(suffix) || host.endsWith("." + suffix);
    }
}
