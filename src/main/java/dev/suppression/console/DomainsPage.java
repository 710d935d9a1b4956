package dev.suppression.console;

import dev.suppression.address.DomainName;
import dev.suppression.diagnosis.Diagnoses;
import dev.suppression.diagnosis.DiagnosisTicket;
import dev.suppression.recipientdomain.ClusterLevel;
import dev.suppression.recipientdomain.DomainClusters;
import dev.suppression.recipientdomain.DomainNotPausedException;
import dev.suppression.recipientdomain.DomainStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The domains ops watch: paused ones first, then small clusters; one domain's addresses, its diagnosis (who refused
 * the mail, the MX route, the findings) and the ticket for its admin; the resume form.
 */
@Controller
class DomainsPage {

    /** More than a screen of paused domains is an incident, not a list to page through. */
    static final int SHOWN = 500;

    private final DomainClusters clusters;
    private final Diagnoses diagnoses;

    DomainsPage(DomainClusters clusters, Diagnoses diagnoses) {
        this.clusters = clusters;
        this.diagnoses = diagnoses;
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
        var name = DomainName.parse(domain);
        model.addAttribute("domain", clusters.view(name));
        // The diagnosis asks DNS (bounded by suppression.dns.timeout): fine for a person reading one domain, which
        // is why the list above does not diagnose every row.
        var diagnosis = diagnoses.forDomain(name);
        model.addAttribute("diagnosis", diagnosis);
        model.addAttribute("ticket", DiagnosisTicket.of(diagnosis));
        return "console/domain";
    }

    /** The ticket as a file, for a browser without scripts (no copy button) or a mail client that attaches it. */
    @GetMapping(value = ConsolePaths.DOMAINS + "/{domain}/ticket.md", produces = "text/markdown;charset=UTF-8")
    ResponseEntity<String> ticket(@PathVariable String domain) {
        var name = DomainName.parse(domain);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/markdown;charset=UTF-8"))
                .header("Content-Disposition", "inline; filename=\"" + name.value() + "-ticket.md\"")
                .body(DiagnosisTicket.of(diagnoses.forDomain(name)));
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
