package dev.suppression.readme;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One command of the README and what the README says it answers.
 *
 * @param section  the {@code ##} heading the command is under
 * @param line     the line of README.md the command starts on, for failure messages
 * @param command  the shell command as a reader would paste it
 * @param captures shell variables a later command uses, each taken from a JSON pointer into this answer's body
 *                 (declared in the README with {@code <!-- readme: NAME from /json/pointer -->})
 * @param expected the answer shown right after the command, or null when none is shown (then it must succeed)
 */
record ReadmeExample(String section, int line, String command, Map<String, String> captures,
                     @Nullable ShownOutput expected) {

    @Override
    public String toString() {
        return "README.md:" + line + " (" + section + ")";
    }
}
