package dev.suppression.console;

import dev.suppression.bounce.RejectedEvents;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Events ingestion could not accept, newest first, each with the reason and its raw payload. */
@Controller
class RejectedPage {

    static final int PAGE_SIZE = 25;

    private final RejectedEvents rejected;

    RejectedPage(RejectedEvents rejected) {
        this.rejected = rejected;
    }

    @GetMapping(ConsolePaths.REJECTED)
    String list(@RequestParam(required = false) @Nullable Long before, Model model) {
        var found = rejected.page(before, PAGE_SIZE + 1);
        var events = found.stream().limit(PAGE_SIZE).toList();
        model.addAttribute("events", events);
        model.addAttribute("first", before == null);
        model.addAttribute("nextBefore", found.size() > PAGE_SIZE ? events.getLast().id() : null);
        return "console/rejected";
    }
}
