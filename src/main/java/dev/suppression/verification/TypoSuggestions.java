package dev.suppression.verification;

import dev.suppression.address.DomainName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "Did you mean gmail.com?": a curated map of known misspellings, then one edit (an insertion, a deletion, a
 * substitution or two neighbours swapped) away from a common mailbox domain. Never a correction: the sender
 * decides, and corrects and resends once. The edit distance stays at one and only for names of eight
 * characters or more, because at two edits, or on short names, real domains start to look like typos.
 */
final class TypoSuggestions {

    static final List<String> COMMON = List.of(
            "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "ymail.com",
            "rocketmail.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr", "hotmail.de", "hotmail.it", "outlook.com",
            "outlook.fr", "outlook.de", "live.com", "live.co.uk", "live.fr", "msn.com", "aol.com", "icloud.com",
            "me.com", "mac.com", "mail.com", "email.com", "gmx.com", "gmx.de", "gmx.net", "gmx.at", "gmx.ch",
            "web.de", "t-online.de", "freenet.de", "orange.fr", "free.fr", "laposte.net", "wanadoo.fr", "sfr.fr",
            "libero.it", "virgilio.it", "tiscali.it", "yandex.ru", "yandex.com", "mail.ru", "protonmail.com",
            "proton.me", "zoho.com", "fastmail.com", "tutanota.com", "comcast.net", "verizon.net", "att.net",
            "sbcglobal.net", "bellsouth.net", "cox.net", "charter.net", "btinternet.com", "sky.com", "virginmedia.com",
            "qq.com", "163.com", "126.com", "naver.com", "hanmail.net", "seznam.cz", "wp.pl", "o2.pl", "interia.pl",
            "rediffmail.com", "uol.com.br", "bol.com.br", "telenet.be", "ziggo.nl", "kpnmail.nl", "bigpond.com",
            "optusnet.com.au", "shaw.ca", "rogers.com", "sympatico.ca");

    private static final Set<String> COMMON_SET = Set.copyOf(COMMON);

    /** Misspellings seen in real lists that one edit does not catch, and top-level domains mistyped. */
    private static final Map<String, String> CURATED = curated();

    private static final int MIN_LENGTH_FOR_EDITS = 8;

    private TypoSuggestions() {
    }

    /** The common domain the sender most likely meant, when {@code domain} looks like a typo of one. */
    static Optional<String> forDomain(DomainName domain) {
        var name = domain.value();
        if (COMMON_SET.contains(name)) {
            return Optional.empty();
        }
        var curated = CURATED.get(name);
        if (curated != null) {
            return Optional.of(curated);
        }
        if (name.length() < MIN_LENGTH_FOR_EDITS) {
            return Optional.empty();
        }
        String match = null;
        for (var common : COMMON) {
            if (common.length() >= MIN_LENGTH_FOR_EDITS && Math.abs(common.length() - name.length()) <= 1
                    && oneEditApart(name, common)) {
                if (match != null) {
                    return Optional.empty(); // two candidates: a guess, not a suggestion
                }
                match = common;
            }
        }
        return Optional.ofNullable(match);
    }

    /** Optimal string alignment distance of exactly one (both strings differ). */
    static boolean oneEditApart(String a, String b) {
        if (a.equals(b)) {
            return false;
        }
        if (a.length() == b.length()) {
            int first = -1;
            int differences = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    if (first < 0) {
                        first = i;
                    }
                    differences++;
                }
            }
            if (differences == 1) {
                return true;
            }
            return differences == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first);
        }
        var longer = a.length() > b.length() ? a : b;
        var shorter = longer == a ? b : a;
        if (longer.length() - shorter.length() != 1) {
            return false;
        }
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return longer.regionMatches(i + 1, shorter, i, shorter.length() - i);
    }

    private static Map<String, String> curated() {
        var map = new HashMap<String, String>();
        for (var common : COMMON) {
            if (common.endsWith(".com")) {
                var name = common.substring(0, common.length() - ".com".length());
                for (var wrong : List.of(".con", ".cmo", ".ocm", ".comm", ".cm", ".om", ".vom", ".xom", ".cpm", ".coom")) {
                    map.putIfAbsent(name + wrong, common);
                }
                if (!COMMON_SET.contains(name + ".co")) {
                    map.putIfAbsent(name + ".co", common);
                }
            }
            if (common.endsWith(".net")) {
                var name = common.substring(0, common.length() - ".net".length());
                for (var wrong : List.of(".ner", ".nt", ".nte", ".met", ".bet")) {
                    map.putIfAbsent(name + wrong, common);
                }
            }
        }
        map.putAll(Map.ofEntries(
                Map.entry("gamil.com", "gmail.com"), Map.entry("gmial.com", "gmail.com"),
                Map.entry("gmaill.com", "gmail.com"), Map.entry("gmai.com", "gmail.com"),
                Map.entry("gnail.com", "gmail.com"), Map.entry("gmal.com", "gmail.com"),
                Map.entry("gemail.com", "gmail.com"), Map.entry("gimail.com", "gmail.com"),
                Map.entry("gmali.com", "gmail.com"), Map.entry("gmaik.com", "gmail.com"),
                Map.entry("gogglemail.com", "googlemail.com"), Map.entry("googlmail.com", "googlemail.com"),
                Map.entry("hotmial.com", "hotmail.com"), Map.entry("hotmal.com", "hotmail.com"),
                Map.entry("hotamil.com", "hotmail.com"), Map.entry("hotmil.com", "hotmail.com"),
                Map.entry("homail.com", "hotmail.com"), Map.entry("hormail.com", "hotmail.com"),
                Map.entry("yahho.com", "yahoo.com"), Map.entry("yaho.com", "yahoo.com"),
                Map.entry("yahooo.com", "yahoo.com"), Map.entry("yhoo.com", "yahoo.com"),
                Map.entry("yhaoo.com", "yahoo.com"), Map.entry("outlok.com", "outlook.com"),
                Map.entry("outllok.com", "outlook.com"), Map.entry("otlook.com", "outlook.com"),
                Map.entry("iclod.com", "icloud.com"), Map.entry("icoud.com", "icloud.com"),
                Map.entry("iclould.com", "icloud.com"), Map.entry("icluod.com", "icloud.com"),
                Map.entry("aoll.com", "aol.com"), Map.entry("aol.co", "aol.com"),
                Map.entry("comcat.net", "comcast.net"), Map.entry("protonmial.com", "protonmail.com")));
        return Map.copyOf(map);
    }
}
