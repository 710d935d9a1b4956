package dev.suppression.diagnosis;

import dev.suppression.address.DomainName;
import dev.suppression.address.EmailAddress;
import dev.suppression.dns.MailRoute;
import dev.suppression.recipientdomain.BouncedAddress;
import dev.suppression.recipientdomain.DomainClusters;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Builds the diagnosis of a domain or an address: reads the bounces and who refused them, looks the mail route
 * up (a DNS failure makes it "MX unknown", never an error), records what DNS said, and runs the finding rules.
 */
@Service
public class Diagnoses {

    /** What we promise the recipient admin once they fixed it: the seeds' "clear, retry once, stop on a repeat". */
    static final List<String> AFTER_THE_FIX = List.of(
            "We clear the addresses you confirm from our suppression list.",
            "We send one controlled retry to each of them.",
            "If an address bounces again, we suppress it again and stop sending to it, and come back to you with the new bounce.");

    private static final int ADDRESS_BOUNCES = 20;

    private static final List<FindingRule> RULES = List.of(
            new MailboxesMissingAtTheProvider(),
            new GatewayRejectsKnownUsers(),
            new MxChangedBeforeTheBounces(),
            new Microsoft365RecipientSetup(),
            new RejectedOnOurSide(),
            new NoMailHost());

    private final DomainClusters clusters;
    private final RejectionRecords records;
    private final MxLookups lookups;
    private final MxEvidence evidence;
    private final WhoIsWho whoIsWho;
    private final DiagnosisSettings settings;
    private final Clock clock;

    Diagnoses(DomainClusters clusters, RejectionRecords records, MxLookups lookups, MxEvidence evidence,
              WhoIsWho whoIsWho, DiagnosisSettings settings, Clock clock) {
        this.clusters = clusters;
        this.records = records;
        this.lookups = lookups;
        this.evidence = evidence;
        this.whoIsWho = whoIsWho;
        this.settings = settings;
        this.clock = clock;
    }

    public DomainDiagnosis forDomain(DomainName domain) {
        var view = clusters.view(domain);
        var bounces = records.latestCountedSince(view.addresses().stream().map(BouncedAddress::address).toList(),
                view.windowStart()).stream().sorted(Comparator.comparing(BounceEvidence::occurredAt)).toList();
        var facts = facts(domain, bounces);
        var findings = findings(facts);
        return new DomainDiagnosis(view.domain(), view.level(), view.guidance(), view.paused(), view.pausedAt(),
                view.exempt(), view.windowStart(), view.distinctAddresses(), bounces, rejectors(facts),
                mxReading(facts), facts.mxHistory().stream().map(MxHistoryEntry::of).toList(), findings,
                questions(findings, bounces), AFTER_THE_FIX, clock.instant());
    }

    public AddressDiagnosis forAddress(EmailAddress address) {
        var bounces = records.forAddress(address.value(), ADDRESS_BOUNCES);
        var facts = facts(address.domain(), bounces);
        var findings = findings(facts);
        return new AddressDiagnosis(address.value(), address.domain().value(), bounces,
                bounces.isEmpty() ? null : bounces.getFirst().rejector(), rejectors(facts), mxReading(facts),
                facts.mxHistory().stream().map(MxHistoryEntry::of).toList(), findings, questions(findings, bounces),
                AFTER_THE_FIX, clock.instant());
    }

    private DiagnosisFacts facts(DomainName domain, List<BounceEvidence> bounces) {
        MailRoute route = lookups.lookUp(domain);
        var stored = evidence.current(domain);
        return new DiagnosisFacts(domain, bounces, route, stored.map(MxRecordsNow::route).orElse(null),
                evidence.history(domain), settings.mxChangeLookback());
    }

    private static List<Finding> findings(DiagnosisFacts facts) {
        return RULES.stream().map(rule -> rule.apply(facts)).flatMap(Optional::stream).toList();
    }

    /** The findings' questions, each once; with bounces but no finding, at least the exact-address question. */
    private static List<Question> questions(List<Finding> findings, List<BounceEvidence> bounces) {
        var questions = new LinkedHashSet<Question>();
        findings.forEach(f -> questions.addAll(f.questions()));
        var recipientSide = bounces.stream().filter(b -> b.rejectorRole() != RejectorRole.OWN_SIDE
                && b.rejectorRole() != RejectorRole.SENDING_PLATFORM).toList();
        if (questions.isEmpty() && !recipientSide.isEmpty()) {
            questions.add(new Question(QuestionTopic.EXACT_ADDRESS, "Do these addresses exist exactly as written: "
                    + Evidence.addresses(recipientSide) + "? If they were renamed or removed, which addresses replace them?"));
        }
        return List.copyOf(questions);
    }

    private List<RejectorGroup> rejectors(DiagnosisFacts facts) {
        var mxHosts = facts.route().map(SeenRoute::hostNames).orElse(List.of());
        var groups = new LinkedHashMap<String, List<BounceEvidence>>();
        for (var bounce : facts.bounces()) {
            groups.computeIfAbsent(bounce.rejectingHost() + "\u0000" + bounce.rejectorRole(), k -> new ArrayList<>())
                    .add(bounce);
        }
        return groups.values().stream().map(group -> {
            var first = group.getFirst();
            return new RejectorGroup(first.rejectingHost(), first.rejectorRole(), first.rejectorVendor(),
                    first.rejectingHost() != null && mxHosts.contains(first.rejectingHost()),
                    (int) group.stream().map(BounceEvidence::address).distinct().count(),
                    group.stream().map(BounceEvidence::occurredAt).min(Comparator.naturalOrder()).orElseThrow(),
                    group.stream().map(BounceEvidence::occurredAt).max(Comparator.naturalOrder()).orElseThrow(),
                    group.stream().map(BounceEvidence::enhancedCode).filter(Objects::nonNull).distinct().sorted().toList());
        }).sorted(Comparator.comparingInt(RejectorGroup::addresses).reversed()).toList();
    }

    private MxReading mxReading(DiagnosisFacts facts) {
        var stored = evidence.current(facts.domain());
        var now = SeenRoute.of(facts.routeNow());
        if (now.isPresent()) {
            var route = now.get();
            return new MxReading(MxStatus.KNOWN, route.kind(), hosts(route), route.describe(),
                    stored.map(MxRecordsNow::checkedAt).orElse(null), stored.map(MxRecordsNow::seenSince).orElse(null),
                    null);
        }
        var why = ((MailRoute.Unknown) facts.routeNow()).why();
        var last = stored.map(MxRecordsNow::route);
        var summary = "MX unknown: " + why + last.map(r -> " (last seen " + stored.get().checkedAt() + ": "
                + r.describe() + ")").orElse("");
        return new MxReading(MxStatus.UNKNOWN, last.map(SeenRoute::kind).orElse(null),
                last.map(this::hosts).orElse(List.of()), summary, stored.map(MxRecordsNow::checkedAt).orElse(null),
                stored.map(MxRecordsNow::seenSince).orElse(null), why);
    }

    private List<MxHost> hosts(SeenRoute route) {
        return route.exchangers().stream().map(e -> {
            var rejector = whoIsWho.rejector(e.host());
            return new MxHost(e.preference(), e.host(), rejector.role(), rejector.vendor());
        }).toList();
    }
}
