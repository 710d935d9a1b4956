package dev.suppression.suppression.web;

import dev.suppression.address.DomainName;
import dev.suppression.address.EmailAddress;
import dev.suppression.suppression.CheckView;
import dev.suppression.suppression.SuppressionList;
import dev.suppression.suppression.SuppressionPage;
import dev.suppression.web.Actor;
import dev.suppression.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The check senders call before each send, and the ops side of the list. */
@RestController
class SuppressionController {

    private final SuppressionList list;

    SuppressionController(SuppressionList list) {
        this.list = list;
    }

    @GetMapping("/suppressions/{address}")
    CheckView check(@PathVariable String address) {
        return list.check(EmailAddress.parse(address));
    }

    @PutMapping("/suppressions/{address}")
    CheckView suppress(@PathVariable String address, @RequestBody(required = false) @Nullable ReasonRequest body,
                       @RequestHeader(name = Actor.HEADER, required = false) @Nullable String actor) {
        var parsed = EmailAddress.parse(address);
        return list.suppressManually(parsed, ReasonRequest.require(body), Actor.from(actor));
    }

    @DeleteMapping("/suppressions/{address}")
    CheckView clear(@PathVariable String address, @RequestParam(required = false) @Nullable String reason,
                    @RequestParam(defaultValue = "false") boolean force,
                    @RequestHeader(name = Actor.HEADER, required = false) @Nullable String actor) {
        var parsed = EmailAddress.parse(address);
        if (reason == null || reason.isBlank()) {
            throw new BadRequestException("Clearing a suppression needs a 'reason' query parameter saying what the "
                    + "recipient side fixed, for example ?reason=mailbox%20recreated%20by%20admin.");
        }
        if (reason.indexOf('\0') >= 0 || reason.length() > 2000) {
            throw new BadRequestException("The reason must be at most 2000 characters, without NUL characters.");
        }
        return list.clear(parsed, reason.strip(), force, Actor.from(actor));
    }

    @GetMapping("/suppressions")
    SuppressionPage active(@RequestParam(required = false) @Nullable String domain,
                           @RequestParam(defaultValue = "100") int limit,
                           @RequestParam(required = false) @Nullable String cursor) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("'limit' must be between 1 and 1000, not " + limit + ".");
        }
        var domainName = domain == null || domain.isBlank() ? null : DomainName.parse(domain);
        return list.active(domainName, limit, cursor == null || cursor.isBlank() ? null : cursor);
    }
}
