package dev.suppression.diagnosis;

/** A question for the recipient admin, ready to paste. */
public record Question(QuestionTopic topic, String text) {
}
