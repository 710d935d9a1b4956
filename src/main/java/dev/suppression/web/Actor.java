package dev.suppression.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who made an ops change: the name of the API key the request came with, plus the person an optional
 * {@code X-Actor} header names ({@code ops-key (alice)}), so every change is attributable.
 */
public final class Actor {

    public static final String HEADER = "X-Actor";
    private static final int MAX_LENGTH = 200;

    private Actor() {
    }

    public static String from(@Nullable String header) {
        var person = header == null ? "" : header.strip().replaceAll("\\p{Cntrl}", "");
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var key = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken) ? authentication.getName() : null;
        String actor;
        if (key == null) {
            actor = person.isEmpty() ? "anonymous" : person;
        } else {
            actor = person.isEmpty() ? key : key + " (" + person + ")";
        }
        return actor.length() <= MAX_LENGTH ? actor : actor.substring(0, MAX_LENGTH);
    }
}
