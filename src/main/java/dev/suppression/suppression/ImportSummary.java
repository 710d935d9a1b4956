package dev.suppression.suppression;

import java.util.List;

/** What an import did: rows imported, already on the list, and rejected rows with their line numbers. */
public record ImportSummary(long imported, long alreadyPresent, long rejected, List<RowError> errors,
                            boolean errorsTruncated) {

    /** A rejected row: its 1-based line number and why. */
    public record RowError(long line, String detail) { }
}
