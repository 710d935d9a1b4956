package dev.suppression.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the runnable examples out of README.md: every {@code bash} block under the sections a newcomer runs
 * against the dev service, each with the {@code http} or {@code text} block that follows it.
 */
final class ReadmeDocument {

    /** The sections whose commands run, in README order, against one fresh service. */
    static final Set<String> RUNNABLE_SECTIONS = Set.of("Keys and roles", "Walk-through", "Try the webhooks");

    private static final Pattern CAPTURE = Pattern.compile("<!-- readme: (\\w+) from (\\S+) -->");
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/[0-9.]+ (\\d{3})\\b.*");

    private final List<String> lines;

    private ReadmeDocument(List<String> lines) {
        this.lines = lines;
    }

    static ReadmeDocument at(Path readme) {
        try {
            return new ReadmeDocument(Files.readAllLines(readme));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReadmeDocument of(String text) {
        return new ReadmeDocument(text.lines().toList());
    }

    List<ReadmeExample> runnableExamples() {
        var examples = new ArrayList<ReadmeExample>();
        String section = "";
        var captures = new LinkedHashMap<String, String>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.startsWith("## ")) {
                section = line.substring(3).strip();
                captures.clear();
                continue;
            }
            if (!RUNNABLE_SECTIONS.contains(section)) {
                continue;
            }
            var capture = CAPTURE.matcher(line.strip());
            if (capture.matches()) {
                captures.put(capture.group(1), capture.group(2));
                continue;
            }
            if (!line.strip().equals("```bash")) {
                continue;
            }
            int start = i + 1;
            int end = closingFence(start);
            var command = String.join("\n", lines.subList(start, end));
            i = end;
            int next = nextNonBlank(end + 1);
            ShownOutput expected = null;
            if (next < lines.size() && (lines.get(next).strip().equals("```http") || lines.get(next).strip().equals("```text"))) {
                int outputEnd = closingFence(next + 1);
                var block = lines.subList(next + 1, outputEnd);
                expected = lines.get(next).strip().equals("```http") ? http(block, next + 1) : new ShownOutput.Text(List.copyOf(block));
                i = outputEnd;
            }
            examples.add(new ReadmeExample(section, start, command, Map.copyOf(captures), expected));
            captures.clear();
        }
        return examples;
    }

    private ShownOutput http(List<String> block, int firstLine) {
        var status = block.isEmpty() ? null : STATUS_LINE.matcher(block.get(0).strip());
        if (status == null || !status.matches()) {
            throw new IllegalStateException("README.md:" + firstLine + ": an http block starts with a status line like 'HTTP/1.1 200'");
        }
        var headers = new ArrayList<String>();
        int i = 1;
        for (; i < block.size() && !block.get(i).isBlank(); i++) {
            headers.add(block.get(i).strip());
        }
        var body = i < block.size() ? String.join("\n", block.subList(i + 1, block.size())) : "";
        return new ShownOutput.Http(Integer.parseInt(status.group(1)), List.copyOf(headers), body.strip());
    }

    private int closingFence(int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("```")) {
                return i;
            }
        }
        throw new IllegalStateException("README.md:" + from + ": a code block is never closed");
    }

    private int nextNonBlank(int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }
}
