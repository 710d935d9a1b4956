package dev.suppression.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks the configured DNS servers one question at a time, with one deadline for the whole lookup, and keeps
 * the answers for their TTL. Names are always absolute: a resolver's search list must never turn
 * {@code example.com} into {@code example.com.corp.internal}.
 */
class DnsClient {

    private final Resolver resolver;
    private final Duration timeout;
    private final DnsCache cache;

    static DnsClient of(DnsSettings settings, Clock clock) {
        return new DnsClient(resolver(settings), settings.timeout(),
                new DnsCache(clock, settings.minTtl(), settings.maxTtl(), settings.cacheSize()));
    }

    DnsClient(Resolver resolver, Duration timeout, DnsCache cache) {
        this.resolver = resolver;
        this.timeout = timeout;
        this.cache = cache;
    }

    private static Resolver resolver(DnsSettings settings) {
        List<InetSocketAddress> servers = settings.serverAddresses();
        if (servers.isEmpty()) {
            servers = ResolverConfig.getCurrentConfig().servers();
        }
        var each = servers.stream().map(address -> {
            var simple = new SimpleResolver(address);
            simple.setTimeout(settings.timeout());
            return (Resolver) simple;
        }).toList();
        var resolver = new ExtendedResolver(each);
        resolver.setTimeout(settings.timeout());
        // Ask the servers in the order given: the first is the one the operator means.
        resolver.setLoadBalance(false);
        return resolver;
    }

    /** The records of {@code type} at {@code name}, from the cache or the servers. */
    DnsAnswer query(String name, int type) throws DnsLookupFailedException {
        var absolute = absolute(name);
        var key = new DnsCache.Key(absolute.toString(), type);
        var cached = cache.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        var response = send(absolute, type);
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            throw new DnsLookupFailedException("the DNS server answered " + Rcode.string(rcode) + " for "
                    + Type.string(type) + " " + absolute);
        }
        var records = response.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
        var answer = new DnsAnswer(rcode, records);
        cache.put(key, answer, Duration.ofSeconds(records.isEmpty() ? negativeTtl(response) : minTtl(records)));
        return answer;
    }

    private Message send(Name name, int type) throws DnsLookupFailedException {
        var query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        try {
            return resolver.sendAsync(query).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new DnsLookupFailedException("no answer within " + seconds(timeout) + " for " + Type.string(type)
                    + " " + name);
        } catch (ExecutionException e) {
            var cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof IOException && cause.getMessage() != null
                    && cause.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timed out")) {
                throw new DnsLookupFailedException("no answer within " + seconds(timeout) + " for "
                        + Type.string(type) + " " + name);
            }
            throw new DnsLookupFailedException("the lookup of " + Type.string(type) + " " + name + " failed: "
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DnsLookupFailedException("the lookup of " + Type.string(type) + " " + name + " was interrupted");
        }
    }

    private static Name absolute(String name) throws DnsLookupFailedException {
        try {
            return Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new DnsLookupFailedException("'" + name + "' is not a DNS name");
        }
    }

    private static long minTtl(List<Record> records) {
        return records.stream().mapToLong(Record::getTTL).min().orElse(0);
    }

    /** RFC 2308: a negative answer lives for the SOA's minimum, at most the SOA record's own TTL. */
    private static long negativeTtl(Message response) {
        return response.getSection(Section.AUTHORITY).stream()
                .filter(SOARecord.class::isInstance).map(SOARecord.class::cast)
                .mapToLong(soa -> Math.min(soa.getMinimum(), soa.getTTL())).min().orElse(0);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
