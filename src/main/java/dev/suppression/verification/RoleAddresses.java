package dev.suppression.verification;

import dev.suppression.address.EmailAddress;
import java.util.Set;

/**
 * Addresses that reach a function or a group rather than a person (RFC 2142's mailbox names and their everyday
 * cousins): mailing them from a marketing list draws complaints, and they are often shared or forwarded.
 */
final class RoleAddresses {

    private static final Set<String> ROLES = Set.of(
            "abuse", "accounts", "admin", "administrator", "all", "billing", "careers", "compliance", "contact",
            "contactus", "customerservice", "devnull", "dns", "donotreply", "enquiries", "everyone", "feedback",
            "ftp", "hello", "help", "helpdesk", "hostmaster", "hr", "info", "inquiries", "it", "jobs", "legal", "list",
            "listserv", "mail", "mailerdaemon", "marketing", "media", "news", "newsletter", "noc", "noreply",
            "office", "orders", "postmaster", "press", "privacy", "root", "sales", "security", "service", "spam",
            "staff", "support", "sysadmin", "team", "tech", "undisclosedrecipients", "unsubscribe", "usenet",
            "uucp", "webmaster", "www");

    private RoleAddresses() {
    }

    /** Whether the local part, less a {@code +tag} and the dots, dashes and underscores, names a role. */
    static boolean isRole(EmailAddress address) {
        var local = address.localPart();
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        var bare = new StringBuilder(local.length());
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c != '.' && c != '-' && c != '_') {
                bare.append(c);
            }
        }
        return ROLES.contains(bare.toString());
    }
}
