package dev.suppression.diagnosis;

import java.util.List;

/**
 * What one rule concluded: its name, a line a person reads, the evidence that fired it (one line per bounce,
 * host or DNS observation) and the questions for the recipient admin it raises.
 */
public record Finding(String rule, String title, String detail, List<String> evidence, List<Question> questions) {
}
