package dev.suppression.console;

import dev.suppression.access.ApiKeyRegistry;
import dev.suppression.access.Role;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** API keys, for admins: the list, a new key whose secret is shown once, and revocation. */
@Controller
class KeysPage {

    private static final Logger log = LoggerFactory.getLogger(KeysPage.class);
    static final int MAX_NAME_LENGTH = 100;

    private final ApiKeyRegistry registry;

    KeysPage(ApiKeyRegistry registry) {
        this.registry = registry;
    }

    @GetMapping(ConsolePaths.KEYS)
    String list(Model model) {
        model.addAttribute("keys", registry.list());
        model.addAttribute("roles", Role.values());
        return "console/keys";
    }

    /**
     * Answers with the page itself rather than a redirect: the secret exists only in this one response, never in
     * the session a redirect would need to carry it.
     */
    @PostMapping(ConsolePaths.KEYS)
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) @Nullable List<String> roles,
                  @RequestParam(defaultValue = "live") String environment,
                  @RequestParam(defaultValue = "") String expires, Model model) {
        var keyName = name.strip();
        if (keyName.isEmpty() || keyName.length() > MAX_NAME_LENGTH || keyName.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFormException("Name the key (at most " + MAX_NAME_LENGTH
                    + " characters): the history names it as the actor of every change made with it.");
        }
        if (roles == null || roles.isEmpty()) {
            throw new InvalidFormException("Give the key at least one role: check, ingest, ops or admin.");
        }
        var granted = EnumSet.noneOf(Role.class);
        for (var role : roles) {
            try {
                granted.add(Role.fromWire(role));
            } catch (IllegalArgumentException e) {
                throw new InvalidFormException(e.getMessage());
            }
        }
        var expiresAt = expires.isBlank() ? null : endOf(expires);
        var created = registry.create(keyName, granted, expiresAt, !"test".equals(environment));
        log.info("API key '{}' ({}) created in the console by {}", keyName, created.key().prefix(), AddressPage.actor());
        model.addAttribute("created", created);
        return list(model);
    }

    @PostMapping(ConsolePaths.KEYS + "/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        registry.revoke(id);
        log.info("API key {} revoked in the console by {}", id, AddressPage.actor());
        redirect.addFlashAttribute("notice", "Revoked. Requests with that key are refused from now on, "
                + "and console sessions signed in with it end at their next page.");
        return "redirect:" + ConsolePaths.KEYS;
    }

    private static java.time.Instant endOf(String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFormException("The expiry must be a date written as 2026-12-31.");
        }
        var end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!end.isAfter(java.time.Instant.now()) || day.getYear() > 9998) {
            throw new InvalidFormException("The expiry must be a day from today on, before the year 9999.");
        }
        return end;
    }
}
