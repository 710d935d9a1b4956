package dev.suppression.verification;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole list verified as it streams in (the import's formats: CSV whose first column is the address, or NDJSON
 * objects with an {@code address}), answered as a CSV report row by row, chunk by chunk, with a summary at the end.
 * Each domain is asked of DNS once for the whole list. A line that cannot be read is a row of its own saying
 * why; it never stops the rest.
 */
@Service
public class ListVerification {

    private static final Logger log = LoggerFactory.getLogger(ListVerification.class);
    static final int CHUNK = 5_000;
    public static final String HEADER = "line,address,normalized,verdict,syntax,own_list,domain,did_you_mean,role,"
            + "disposable,guessing,detail";

    /** The two formats of the import. */
    public enum Format { CSV, NDJSON }

    private final AddressVerification verification;
    private final JsonMapper json;

    ListVerification(AddressVerification verification, JsonMapper json) {
        this.verification = verification;
        this.json = json;
    }

    public VerificationSummary verify(InputStream body, Format format, OutputStream out) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write(HEADER);
        writer.write('\n');
        var known = new AddressVerification.KnownRoutes();
        var summary = new VerificationSummary(0, 0, 0, 0, 0);
        var lines = new ArrayList<Long>(CHUNK);
        var addresses = new ArrayList<@Nullable String>(CHUNK);
        var unreadable = new ArrayList<@Nullable String>(CHUNK);
        long lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank() || (lineNumber == 1 && format == Format.CSV && isHeader(line))) {
                continue;
            }
            var read = format == Format.CSV ? csvAddress(line) : jsonAddress(line);
            lines.add(lineNumber);
            addresses.add(read.address());
            unreadable.add(read.problem());
            if (addresses.size() >= CHUNK) {
                summary = summary.plus(writeChunk(lines, addresses, unreadable, known, writer));
            }
        }
        if (!addresses.isEmpty()) {
            summary = summary.plus(writeChunk(lines, addresses, unreadable, known, writer));
        }
        summary = new VerificationSummary(summary.total(), summary.deliverableUnknown(), summary.risky(),
                summary.undeliverable(), known.domains());
        writer.write("# summary: total=" + summary.total() + ", DELIVERABLE_UNKNOWN=" + summary.deliverableUnknown()
                + ", RISKY=" + summary.risky() + ", UNDELIVERABLE=" + summary.undeliverable() + ", domains="
                + summary.domains() + "\n");
        writer.flush();
        log.info("Verified a list of {} addresses at {} domains: {} risky, {} undeliverable", summary.total(),
                summary.domains(), summary.risky(), summary.undeliverable());
        return summary;
    }

    private VerificationSummary writeChunk(List<Long> lines, List<@Nullable String> addresses,
                                           List<@Nullable String> unreadable, AddressVerification.KnownRoutes known,
                                           Writer writer) throws IOException {
        var readable = new ArrayList<@Nullable String>(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            if (unreadable.get(i) == null) {
                readable.add(addresses.get(i));
            }
        }
        var verified = verification.verify(readable, known);
        var all = new ArrayList<VerifiedAddress>(addresses.size());
        int next = 0;
        for (int i = 0; i < addresses.size(); i++) {
            var problem = unreadable.get(i);
            var result = problem == null ? verified.get(next++)
                    : VerifiedAddress.of(addresses.get(i) == null ? "" : addresses.get(i),
                            null, VerificationChecks.malformed(problem));
            all.add(result);
            writeRow(writer, lines.get(i), result);
        }
        writer.flush();
        lines.clear();
        addresses.clear();
        unreadable.clear();
        return VerificationSummary.of(all, 0);
    }

    private static void writeRow(Writer writer, long line, VerifiedAddress r) throws IOException {
        var c = r.checks();
        writer.write(line + "," + csv(r.address()) + "," + csv(r.normalized()) + "," + r.verdict() + "," + c.syntax()
                + "," + c.ownList() + "," + c.domain() + "," + csv(c.didYouMean()) + "," + c.role() + ","
                + c.disposable() + "," + c.guessing() + "," + csv(r.detail()) + "\n");
    }

    /** RFC 4180 quoting, and a leading = + - @ neutralized so a spreadsheet never runs a cell as a formula. */
    static String csv(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        var text = "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private record Read(@Nullable String address, @Nullable String problem) { }

    private static boolean isHeader(String line) {
        var first = line.split(",", 2)[0].strip().replace("\"", "");
        return first.equalsIgnoreCase("address") || first.equalsIgnoreCase("email");
    }

    /** The first field, quoted or not. */
    private static Read csvAddress(String line) {
        var text = line.strip();
        if (text.startsWith("\"")) {
            var value = new StringBuilder();
            for (int i = 1; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        value.append('"');
                        i++;
                    } else {
                        return new Read(value.toString(), null);
                    }
                } else {
                    value.append(ch);
                }
            }
            return new Read(text, "the quoted first field is not closed");
        }
        int comma = text.indexOf(',');
        return new Read(comma < 0 ? text : text.substring(0, comma), null);
    }

    private Read jsonAddress(String line) {
        try {
            var node = json.readTree(line);
            var address = node.isObject() ? node.get("address") : null;
            if (address == null || !address.isString()) {
                return new Read(shorten(line), "the line is not a JSON object with a string \"address\"");
            }
            return new Read(address.stringValue(), null);
        } catch (JacksonException e) {
            return new Read(shorten(line), "the line is not valid JSON; send one {\"address\": \"...\"} per line");
        }
    }

    private static String shorten(String line) {
        return line.length() <= 200 ? line : line.substring(0, 197) + "...";
    }
}
