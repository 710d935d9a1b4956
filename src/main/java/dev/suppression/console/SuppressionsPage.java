package dev.suppression.console;

import dev.suppression.address.DomainName;
import dev.suppression.address.InvalidAddressException;
import dev.suppression.suppression.SuppressionExport;
import dev.suppression.suppression.SuppressionFilter;
import dev.suppression.suppression.SuppressionImport;
import dev.suppression.suppression.SuppressionList;
import dev.suppression.suppression.SuppressionReason;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The active suppressions, filtered and paged by address; their CSV export and the import form. */
@Controller
class SuppressionsPage {

    static final int PAGE_SIZE = 50;

    private final SuppressionList list;
    private final SuppressionExport exporter;
    private final SuppressionImport importer;

    SuppressionsPage(SuppressionList list, SuppressionExport exporter, SuppressionImport importer) {
        this.list = list;
        this.exporter = exporter;
        this.importer = importer;
    }

    /** The filter form as sent: each field kept as typed, so the page shows it back and the pager repeats it. */
    record Form(String domain, String reason, String from, String to) {

        SuppressionFilter filter() {
            return new SuppressionFilter(domain.isBlank() ? null : DomainName.parse(domain),
                    reason.isBlank() ? null : reason(reason), from.isBlank() ? null : startOf(date(from, "From")),
                    to.isBlank() ? null : startOf(date(to, "To").plusDays(1)));
        }

        private static SuppressionReason reason(String value) {
            try {
                return SuppressionReason.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidFormException("The reason must be one of " + List.of(SuppressionReason.values()) + ".");
            }
        }

        private static LocalDate date(String value, String label) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidFormException(label + " must be a date written as 2026-12-31.");
            }
        }

        private static Instant startOf(LocalDate day) {
            return day.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    @GetMapping(ConsolePaths.SUPPRESSIONS)
    String list(@RequestParam(defaultValue = "") String domain, @RequestParam(defaultValue = "") String reason,
                @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                @RequestParam(required = false) @Nullable String cursor, Model model) {
        var form = new Form(domain, reason, from, to);
        model.addAttribute("form", form);
        model.addAttribute("reasons", SuppressionReason.values());
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("first", cursor == null || cursor.isBlank());
        try {
            model.addAttribute("page", list.active(form.filter(), PAGE_SIZE, cursor == null || cursor.isBlank() ? null : cursor));
        } catch (InvalidFormException | InvalidAddressException e) {
            model.addAttribute("problem", "Not filtered: " + e.getMessage());
        }
        return "console/suppressions";
    }

    /** The same CSV as GET /suppressions/export, for a browser that has a console session instead of a key. */
    @GetMapping(ConsolePaths.SUPPRESSIONS + "/export.csv")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"suppressions.csv\"");
        exporter.writeCsv(response.getOutputStream());
    }

    @PostMapping(ConsolePaths.SUPPRESSIONS + "/import")
    String importList(@RequestParam(required = false) @Nullable MultipartFile file,
                      @RequestParam(defaultValue = "CSV") String format, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidFormException("Choose a file to import: CSV (address,reason[,since[,classification]]) "
                    + "or NDJSON, one object per line.");
        }
        var parsed = "NDJSON".equalsIgnoreCase(format) ? SuppressionImport.Format.NDJSON : SuppressionImport.Format.CSV;
        try (var in = file.getInputStream()) {
            model.addAttribute("summary", importer.importFrom(in, parsed, AddressPage.actor()));
        }
        model.addAttribute("fileName", file.getOriginalFilename() == null ? "the file" : file.getOriginalFilename());
        return "console/import";
    }
}
