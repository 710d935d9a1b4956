package dev.suppression.diagnosis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Which vendor runs a mail host, and in what role: the shipped table {@code diagnosis/who-is-who.tsv} plus
 * {@code suppression.diagnosis.vendors}, which win over it. The longest matching suffix decides, so
 * {@code mail.protection.outlook.com} (Exchange Online) is told from other {@code outlook.com} hosts.
 */
@Component
class WhoIsWho {

    static final String TABLE = "diagnosis/who-is-who.tsv";

    private final List<HostVendor> configured;
    private final List<HostVendor> shipped;
    private final List<String> ownHosts;

    WhoIsWho(DiagnosisSettings settings) {
        this.configured = longestFirst(settings.vendors());
        this.shipped = longestFirst(readTable());
        this.ownHosts = settings.ownHosts().stream().map(h -> new HostVendor(h, "our MTA", RejectorRole.OWN_SIDE).suffix())
                .toList();
    }

    /** The vendor of a host, if the table or the settings know it. */
    Optional<HostVendor> of(String host) {
        var name = normalize(host);
        if (ownHosts.stream().anyMatch(own -> name.equals(own) || name.endsWith("." + own))) {
            return Optional.of(new HostVendor(name, "our MTA", RejectorRole.OWN_SIDE));
        }
        return configured.stream().filter(v -> v.matches(name)).findFirst()
                .or(() -> shipped.stream().filter(v -> v.matches(name)).findFirst());
    }

    /** The rejector a host is, {@code UNLISTED} when nobody knows it. */
    Rejector rejector(String host) {
        var name = normalize(host);
        return of(name).map(v -> new Rejector(name, v.role(), v.vendor()))
                .orElseGet(() -> new Rejector(name, RejectorRole.UNLISTED, null));
    }

    private static String normalize(String host) {
        var name = host.strip().toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static List<HostVendor> longestFirst(List<HostVendor> vendors) {
        return vendors.stream().sorted(Comparator.comparingInt((HostVendor v) -> v.suffix().length()).reversed()).toList();
    }

    /** Reads the shipped table: {@code suffix<TAB>vendor<TAB>role}; blank lines and {@code #} comments skipped. */
    static List<HostVendor> readTable() {
        var rows = new ArrayList<HostVendor>();
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(TABLE).getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                var cells = line.split("\t");
                if (cells.length != 3) {
                    throw new IllegalStateException(TABLE + " line " + number + " needs suffix, vendor and role, tab-separated");
                }
                rows.add(new HostVendor(cells[0], cells[1], RejectorRole.valueOf(cells[2].strip())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TABLE, e);
        }
        return rows;
    }
}
