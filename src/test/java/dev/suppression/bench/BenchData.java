package dev.suppression.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark's data, derived deterministically from a phase's tag and sizes so that every step (the
 * import, the pauses, the address file, the checks) agrees on which address is suppressed and which domain
 * is paused without sharing state.
 *
 * <p>A phase {@code tag:rows:domains:paused} imports {@code rows} suppressions
 * {@code user<i>@d<i % domains>.<tag>.bench.example}, then pauses {@code paused} of its domains (spread
 * evenly) with five hard bounces each through {@code POST /bounces}.
 */
final class BenchData {

    /** The verdicts the check answers; the address file carries the one each address must get. */
    static final String SUPPRESSED = "SUPPRESSED";
    static final String ALLOW = "ALLOW";
    static final String DOMAIN_PAUSED = "DOMAIN_PAUSED";

    /** Hard bounces that pause a domain (the default DOMAIN_PATTERN threshold). */
    static final int BOUNCES_TO_PAUSE = 5;

    private BenchData() {
    }

    record Phase(String tag, long rows, int domains, int paused) {

        static Phase parse(String spec) {
            var parts = spec.split(":");
            if (parts.length != 4) {
                throw new IllegalArgumentException("a phase is tag:rows:domains:paused, not " + spec);
            }
            return new Phase(parts[0], Long.parseLong(parts[1]), Integer.parseInt(parts[2]), Integer.parseInt(parts[3]));
        }

        static List<Phase> parseAll(String specs) {
            var phases = new ArrayList<Phase>();
            for (var spec : specs.split(",")) {
                if (!spec.isBlank()) {
                    phases.add(parse(spec.strip()));
                }
            }
            return phases;
        }

        String domain(long index) {
            return "d" + index + "." + tag + ".bench.example";
        }

        String suppressedAddress(long row) {
            return "user" + row + "@" + domain(row % domains);
        }

        int pauseStride() {
            return Math.max(1, domains / Math.max(1, paused));
        }

        String pausedDomain(int k) {
            return domain((long) k * pauseStride());
        }

        boolean isPausedDomainIndex(long index) {
            var stride = pauseStride();
            return index % stride == 0 && index / stride < paused;
        }

        String pauseBounceAddress(int k, int n) {
            return "bounced" + n + "@" + pausedDomain(k);
        }

        /** One import row: address,reason,since,classification, with a realistic mix of reasons. */
        String csvRow(long row) {
            var address = suppressedAddress(row);
            var since = "2025-06-" + String.format("%02d", 1 + (int) (row % 28)) + "T"
                    + String.format("%02d:%02d:%02d", row % 24, row % 60, (row / 60) % 60) + "Z";
            int kind = (int) (mix(row) % 100);
            if (kind < 80) {
                return address + ",HARD_BOUNCE," + since + ",USER_UNKNOWN\n";
            } else if (kind < 88) {
                return address + ",HARD_BOUNCE," + since + ",BAD_DOMAIN\n";
            } else if (kind < 97) {
                return address + ",MANUAL," + since + ",\n";
            }
            return address + ",COMPLAINT," + since + ",\n";
        }
    }

    /** A never-seen address at a never-seen domain: the check index alone answers it. */
    static String neverSeenAtNewDomain(long n) {
        return "new" + n + "@n" + n + ".nx.bench.example";
    }

    /** An address of a phase, never suppressed, at one of its domains (paused or not). */
    static String neverSeenAt(String domain, long n) {
        return "new" + n + "@" + domain;
    }

    static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x & Long.MAX_VALUE;
    }

    /** A line of the address file: the address and the verdict the check must answer. */
    record Probe(String address, String expected, String kind) {
        String line() {
            return address + "\t" + expected + "\t" + kind + "\n";
        }

        static Probe parse(String line) {
            var parts = line.split("\t");
            return new Probe(parts[0], parts[1], parts.length > 2 ? parts[2] : "");
        }
    }

    /**
     * The probes the check is measured with: half suppressed addresses (of every loaded phase, drawn
     * uniformly, a few of them the hard-bounced ones at paused domains), half never seen (30% of all
     * probes at never-seen domains, 15% at known domains, 5% at paused domains).
     */
    static List<Probe> probes(List<Phase> phases, int count, long seed) {
        var random = new Random(seed);
        long totalRows = phases.stream().mapToLong(Phase::rows).sum();
        long fresh = 0;
        var probes = new ArrayList<Probe>(count);
        for (int p = 0; p < count; p++) {
            int slot = random.nextInt(100);
            if (slot < 49) {
                long pick = (long) (random.nextDouble() * totalRows);
                for (var phase : phases) {
                    if (pick < phase.rows()) {
                        probes.add(new Probe(phase.suppressedAddress(pick), SUPPRESSED, "suppressed"));
                        break;
                    }
                    pick -= phase.rows();
                }
            } else if (slot < 50) {
                var phase = phases.get(random.nextInt(phases.size()));
                probes.add(new Probe(phase.pauseBounceAddress(random.nextInt(phase.paused()),
                        random.nextInt(BOUNCES_TO_PAUSE)), SUPPRESSED, "suppressed-at-paused-domain"));
            } else if (slot < 80) {
                probes.add(new Probe(neverSeenAtNewDomain(fresh++), ALLOW, "never-seen-new-domain"));
            } else if (slot < 95) {
                var phase = phases.get(random.nextInt(phases.size()));
                long index;
                do {
                    index = random.nextInt(phase.domains());
                } while (phase.isPausedDomainIndex(index));
                probes.add(new Probe(neverSeenAt(phase.domain(index), fresh++), ALLOW, "never-seen-known-domain"));
            } else {
                var phase = phases.get(random.nextInt(phases.size()));
                probes.add(new Probe(neverSeenAt(phase.pausedDomain(random.nextInt(phase.paused())), fresh++),
                        DOMAIN_PAUSED, "never-seen-paused-domain"));
            }
        }
        return probes;
    }

    /** Realistic bounce events: hard 5.1.1, soft 4.2.2, policy 5.7.1 and transient 4.x, by share. */
    static final class Events {

        private final String tag;
        private final int domains;
        private final Random random;

        Events(String tag, int domains, long seed) {
            this.tag = tag;
            this.domains = domains;
            this.random = new Random(seed);
        }

        /** A JSON array of {@code size} events with event ids {@code prefix-<first>...}. */
        String batch(String prefix, long first, int size) {
            var json = new StringBuilder(size * 560).append('[');
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    json.append(',');
                }
                event(json, prefix, first + i);
            }
            return json.append(']').toString();
        }

        void event(StringBuilder json, String prefix, long n) {
            var domain = "m" + random.nextInt(domains) + "." + tag + ".ingest.bench.example";
            var recipient = "r" + n + "." + Long.toString(mix(n) % 1_000_000, 36) + "@" + domain;
            int kind = random.nextInt(100);
            String smtp;
            String enhanced;
            String diagnostic;
            if (kind < 30) {
                smtp = "550";
                enhanced = "5.1.1";
                diagnostic = "550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown in virtual mailbox table";
            } else if (kind < 55) {
                smtp = "452";
                enhanced = "4.2.2";
                diagnostic = "452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.example/mail/?p=422";
            } else if (kind < 75) {
                smtp = "550";
                enhanced = "5.7.1";
                diagnostic = "550 5.7.1 Service unavailable, Client host [203.0.113." + (n % 250) + "] blocked using zen.spamhaus.example; https://www.spamhaus.example/query/ip/203.0.113." + (n % 250);
            } else if (kind < 88) {
                smtp = "451";
                enhanced = "4.3.0";
                diagnostic = "451 4.3.0 Temporary local problem - please try later";
            } else {
                smtp = "421";
                enhanced = "4.4.2";
                diagnostic = "421 4.4.2 mx" + (n % 4) + "." + domain + " Error: timeout exceeded";
            }
            var occurredAt = java.time.Instant.now().minusSeconds(random.nextInt(600)).toString();
            json.append("{\"recipient\":\"").append(recipient)
                    .append("\",\"smtpCode\":").append(smtp)
                    .append(",\"enhancedCode\":\"").append(enhanced)
                    .append("\",\"diagnostic\":\"").append(diagnostic)
                    .append("\",\"occurredAt\":\"").append(occurredAt)
                    .append("\",\"eventId\":\"").append(prefix).append('-').append(n)
                    .append("\",\"messageId\":\"<").append(Long.toString(mix(n * 31 + 7), 36)).append('.').append(n)
                    .append("@mailer.shop.example>\",\"reportingMta\":\"mx").append(n % 4).append('.').append(domain)
                    .append("\",\"source\":\"bench-esp\",\"origin\":\"recipient\"}");
        }
    }
}
