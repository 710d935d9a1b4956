package dev.suppression.dns;

import java.util.List;

/** Where a domain's mail goes, as DNS tells it now (RFC 5321 section 5.1, RFC 7505). */
public sealed interface MailRoute {

    /** The domain publishes MX records; mail goes to these hosts, lowest preference first. */
    record Exchangers(List<MailExchanger> exchangers) implements MailRoute {
        public Exchangers {
            exchangers = exchangers.stream().sorted().toList();
        }
    }

    /** No MX record, but the domain has an address (A or AAAA): RFC 5321's implicit MX is the domain itself. */
    record ImplicitMx(String host) implements MailRoute { }

    /** The domain declares it takes no mail: a single MX record of preference 0 pointing at the root (RFC 7505). */
    record NullMx() implements MailRoute { }

    /** The domain does not exist, or has neither MX nor address records: nothing can take its mail. */
    record NoMailHost(String why) implements MailRoute {

        private static final String NXDOMAIN = " does not exist (NXDOMAIN)";

        static NoMailHost nameDoesNotExist(String domain) {
            return new NoMailHost("the domain " + domain + NXDOMAIN);
        }

        /** Whether DNS said the name does not exist at all (NXDOMAIN), rather than that it has no mail host. */
        public boolean domainDoesNotExist() {
            return why.endsWith(NXDOMAIN);
        }
    }

    /** DNS gave no usable answer (timeout, SERVFAIL, refused): the route is not known, not absent. */
    record Unknown(String why) implements MailRoute { }

    /** Whether DNS answered: every kind but {@link Unknown} is something that was seen. */
    default boolean known() {
        return !(this instanceof Unknown);
    }
}
