package dev.suppression.diagnosis;

import java.util.List;
import java.util.stream.Collectors;

/** The lines findings and tickets write about bounces, so every rule quotes a bounce the same way. */
final class Evidence {

    private Evidence() {
    }

    static String line(BounceEvidence b) {
        var by = b.rejectingHost() == null ? "no remote host" : b.rejectingHost()
                + (b.rejectorVendor() == null ? "" : " (" + b.rejectorVendor() + ")");
        return b.address() + " at " + b.occurredAt() + " refused by " + by + " at " + b.stage() + ": "
                + (b.response() == null ? codes(b) : b.response());
    }

    static String codes(BounceEvidence b) {
        var parts = new java.util.ArrayList<String>();
        if (b.smtpCode() != null) {
            parts.add(b.smtpCode().toString());
        }
        if (b.enhancedCode() != null) {
            parts.add(b.enhancedCode());
        }
        return parts.isEmpty() ? "no response text" : String.join(" ", parts);
    }

    static String addresses(List<BounceEvidence> bounces) {
        return bounces.stream().map(BounceEvidence::address).distinct().collect(Collectors.joining(", "));
    }

    static String vendors(List<BounceEvidence> bounces) {
        return bounces.stream().map(b -> b.rejectorVendor() != null ? b.rejectorVendor() : b.rejectingHost())
                .filter(java.util.Objects::nonNull).distinct().collect(Collectors.joining(", "));
    }

    static String hosts(List<BounceEvidence> bounces) {
        return bounces.stream().map(BounceEvidence::rejectingHost).filter(java.util.Objects::nonNull).distinct()
                .collect(Collectors.joining(", "));
    }
}
