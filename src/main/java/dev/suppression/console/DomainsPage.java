package dev.suppression.console;

import dev.suppression.address.DomainName;
import dev.suppression.recipientdomain.ClusterLevel;
import dev.suppression.recipientdomain.DomainClusters;
import dev.suppression.recipientdomain.DomainNotPausedException;
import dev.suppression.recipientdomain.DomainStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The domains ops watch: paused ones first, then small clusters; one domain's addresses; the resume form. */
@Controller
class DomainsPage {

    /** More than a screen of paused domains is an incident, not a list to page through. */
    static final int SHOWN = 500;

    private final DomainClusters clusters;

    DomainsPage(DomainClusters clusters) {
        this.clusters = clusters;
    }

    @GetMapping(ConsolePaths.DOMAINS)
    String list(Model model) {
        var watched = clusters.watchList(SHOWN);
        model.addAttribute("paused", watched.stream().filter(DomainStatus::paused).toList());
        model.addAttribute("patterns", only(watched, ClusterLevel.DOMAIN_PATTERN));
        model.addAttribute("clusters", only(watched, ClusterLevel.SMALL_CLUSTER));
        model.addAttribute("truncated", watched.size() >= SHOWN);
        model.addAttribute("shown", SHOWN);
        return "console/domains";
    }

    /** Unpaused domains at a level: a pattern shows here only when the domain is exempt from pausing. */
    private static List<DomainStatus> only(List<DomainStatus> watched, ClusterLevel level) {
        return watched.stream().filter(d -> !d.paused() && d.level() == level).toList();
    }

    @GetMapping(ConsolePaths.DOMAINS + "/{domain}")
    String one(@PathVariable String domain, Model model) {
        model.addAttribute("domain", clusters.view(DomainName.parse(domain)));
        return "console/domain";
    }

    @PostMapping(ConsolePaths.DOMAINS + "/resume")
    String resume(@RequestParam String domain, @RequestParam(required = false) @Nullable String reason,
                  @RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
        var name = DomainName.parse(domain);
        var why = ChangeReason.from(reason, "how the domain's routing was confirmed");
        try {
            clusters.resume(name, why.text(), AddressPage.actor());
            redirect.addFlashAttribute("notice", "Resumed " + name.value()
                    + ": mail to it is allowed again, and its count starts again from now.");
        } catch (DomainNotPausedException e) {
            redirect.addFlashAttribute("problem", "Not resumed: " + name.value() + " is not paused (it may have been "
                    + "resumed already).");
        }
        if ("domain".equals(back)) {
            redirect.addAttribute("domain", name.value());
            return "redirect:" + ConsolePaths.DOMAINS + "/{domain}";
        }
        return "redirect:" + ConsolePaths.DOMAINS;
    }
}
