package dev.suppression.console;

import dev.suppression.address.EmailAddress;
import dev.suppression.address.InvalidAddressException;
import dev.suppression.history.AddressHistory;
import dev.suppression.suppression.AddressNotSuppressedException;
import dev.suppression.suppression.ClearNeedsForceException;
import dev.suppression.suppression.SuppressionList;
import dev.suppression.web.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One address: its verdict, suppression, evidence and history, and the clear and manual-suppress forms. */
@Controller
class AddressPage {

    private final SuppressionList list;
    private final AddressHistory history;
    private final ConsoleTime time;

    AddressPage(SuppressionList list, AddressHistory history, ConsoleTime time) {
        this.list = list;
        this.history = history;
        this.time = time;
    }

    @GetMapping(ConsolePaths.ADDRESS)
    String show(@RequestParam(required = false) @Nullable String q, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        if (q == null || q.isBlank()) {
            return "console/address";
        }
        EmailAddress address;
        try {
            address = EmailAddress.parse(q);
        } catch (InvalidAddressException e) {
            model.addAttribute("searchError", "Not an address the service accepts: " + e.getMessage() + ".");
            return "console/address";
        }
        model.addAttribute("address", address.value());
        model.addAttribute("normalized", !address.value().equals(q.strip()));
        model.addAttribute("check", list.check(address));
        model.addAttribute("probation", list.probation(address));
        model.addAttribute("timeline", Timeline.of(history.of(address), time));
        return "console/address";
    }

    @PostMapping(ConsolePaths.ADDRESS + "/clear")
    String clear(@RequestParam String address, @RequestParam(required = false) @Nullable String reason,
                 @RequestParam(defaultValue = "false") boolean force, RedirectAttributes redirect) {
        var parsed = EmailAddress.parse(address);
        var why = ChangeReason.from(reason, "what the recipient side fixed");
        redirect.addAttribute("q", parsed.value());
        try {
            var after = list.clear(parsed, why.text(), force, actor());
            redirect.addFlashAttribute("notice", "Cleared " + parsed.value() + (force ? " with force" : "")
                    + ". It is on probation now: a hard bounce before it ends suppresses it again. Verdict: "
                    + after.verdict() + ".");
        } catch (ClearNeedsForceException e) {
            redirect.addFlashAttribute("problem", "Not cleared: " + parsed.value() + " hard-bounced again during the "
                    + "probation after its last clear, so a second clear needs force. Tick \u201cForce this clear\u201d "
                    + "once the recipient has confirmed that the mailbox exists.");
        } catch (AddressNotSuppressedException e) {
            redirect.addFlashAttribute("problem", "Not cleared: " + parsed.value()
                    + " is not suppressed (it may have been cleared already).");
        }
        return "redirect:" + ConsolePaths.ADDRESS;
    }

    @PostMapping(ConsolePaths.ADDRESS + "/suppress")
    String suppress(@RequestParam String address, @RequestParam(required = false) @Nullable String reason,
                    RedirectAttributes redirect) {
        var parsed = EmailAddress.parse(address);
        var why = ChangeReason.from(reason, "why this address must not be mailed");
        var after = list.suppressManually(parsed, why.text(), actor());
        redirect.addAttribute("q", parsed.value());
        redirect.addFlashAttribute("notice", "Suppressed " + parsed.value() + " by hand. Verdict: " + after.verdict() + ".");
        return "redirect:" + ConsolePaths.ADDRESS;
    }

    /** The same actor an API call with the person's name in X-Actor records: {@code key (person)}. */
    static String actor() {
        return Actor.from(ConsoleModel.signedIn().person());
    }
}
