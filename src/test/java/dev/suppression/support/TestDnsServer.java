package dev.suppression.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A small authoritative DNS server on 127.0.0.1 (UDP) for the tests: it answers what a test declares (MX, A,
 * AAAA, null MX, SERVFAIL, a slow answer) and NXDOMAIN for every other name, so nothing ever asks the internet.
 * One server is shared by the run ({@link #shared()}); each test declares its own domains.
 */
public final class TestDnsServer implements AutoCloseable {

    private static final Name SOA_NAME = name("ns.test.invalid");

    private static volatile @Nullable TestDnsServer shared;

    private sealed interface Behaviour {
        record Answer(List<Record> records) implements Behaviour { }
        record Fail(int rcode) implements Behaviour { }
        record Slow(Duration delay, Behaviour then) implements Behaviour { }
    }

    private record Key(Name name, int type) { }

    private final DatagramSocket socket;
    private final Map<Key, Behaviour> zone = new ConcurrentHashMap<>();
    private final Map<Name, Behaviour> wholeName = new ConcurrentHashMap<>();
    private final Map<Key, AtomicInteger> queries = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile @Nullable Forwarding forwarding;

    /** Names outside {@code zone} are asked of {@code upstream} instead of being answered NXDOMAIN. */
    private record Forwarding(Name zone, List<InetSocketAddress> upstream) { }

    public TestDnsServer() {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        thread = Thread.ofPlatform().daemon().name("test-dns").start(this::serve);
    }

    /** The server every test of the run shares, started on first use. */
    public static TestDnsServer shared() {
        var server = shared;
        if (server == null) {
            synchronized (TestDnsServer.class) {
                server = shared;
                if (server == null) {
                    server = new TestDnsServer();
                    shared = server;
                }
            }
        }
        return server;
    }

    /** {@code host:port}, as {@code suppression.dns.servers} takes it. */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** MX records, each {@code "10 mx1.example.net"}, with one TTL; replaces what the domain had. */
    public TestDnsServer mx(String domain, long ttl, String... records) {
        var name = name(domain);
        wholeName.remove(name);
        var list = java.util.Arrays.stream(records).map(r -> {
            var parts = r.strip().split("\\s+");
            return (Record) new MXRecord(name, DClass.IN, ttl, Integer.parseInt(parts[0]), name(parts[1]));
        }).toList();
        zone.put(new Key(name, Type.MX), new Behaviour.Answer(list));
        return this;
    }

    /** RFC 7505: one MX of preference 0 whose target is the root. */
    public TestDnsServer nullMx(String domain) {
        var name = name(domain);
        zone.put(new Key(name, Type.MX),
                new Behaviour.Answer(List.of(new MXRecord(name, DClass.IN, 300, 0, Name.root))));
        return this;
    }

    /** An address record, and no MX: RFC 5321's implicit MX. */
    public TestDnsServer a(String host, String ipv4) {
        var name = name(host);
        try {
            zone.put(new Key(name, Type.A),
                    new Behaviour.Answer(List.of(new ARecord(name, DClass.IN, 300, InetAddress.getByName(ipv4)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public TestDnsServer aaaa(String host, String ipv6) {
        var name = name(host);
        try {
            zone.put(new Key(name, Type.AAAA),
                    new Behaviour.Answer(List.of(new AAAARecord(name, DClass.IN, 300, InetAddress.getByName(ipv6)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A name that exists but has no record of the types not declared (NODATA, not NXDOMAIN). */
    public TestDnsServer exists(String domain) {
        zone.putIfAbsent(new Key(name(domain), Type.SOA), new Behaviour.Answer(List.of()));
        return this;
    }

    /** Every question about the name is answered SERVFAIL. */
    public TestDnsServer servfail(String domain) {
        wholeName.put(name(domain), new Behaviour.Fail(Rcode.SERVFAIL));
        return this;
    }

    /** Every question about the name is answered, but only after {@code delay}. */
    public TestDnsServer slow(String domain, Duration delay) {
        var name = name(domain);
        wholeName.put(name, new Behaviour.Slow(delay, new Behaviour.Answer(List.of())));
        return this;
    }

    /**
     * Questions about names outside {@code zone} are passed to {@code upstream} (tried in order) and their answers
     * relayed as they come, so a local zone can sit in front of the real resolvers; SERVFAIL when none answers.
     */
    public TestDnsServer forwardingOutside(String zone, List<InetSocketAddress> upstream) {
        forwarding = upstream.isEmpty() ? null : new Forwarding(name(zone), List.copyOf(upstream));
        return this;
    }

    /** How many times the server was asked for this type at this name. */
    public int queriesFor(String domain, int type) {
        var count = queries.get(new Key(name(domain), type));
        return count == null ? 0 : count.get();
    }

    private void serve() {
        var buffer = new byte[4096];
        while (!socket.isClosed()) {
            var packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                return;
            }
            var data = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
            var from = packet.getSocketAddress();
            Message query;
            try {
                query = new Message(data);
            } catch (IOException e) {
                continue;
            }
            var question = query.getQuestion();
            var key = new Key(question.getName(), question.getType());
            queries.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            var forward = forwarding;
            if (forward != null && !question.getName().subdomain(forward.zone())) {
                Thread.ofVirtual().start(() -> send(relayed(query, data, forward.upstream()), from));
                continue;
            }
            var behaviour = wholeName.get(question.getName());
            if (behaviour == null) {
                behaviour = zone.get(key);
            }
            if (behaviour instanceof Behaviour.Slow(var delay, var then)) {
                Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        return;
                    }
                    send(answer(query, then), from);
                });
                continue;
            }
            send(answer(query, behaviour), from);
        }
    }

    private Message answer(Message query, @Nullable Behaviour behaviour) {
        var response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        var question = query.getQuestion();
        response.addRecord(question, Section.QUESTION);
        switch (behaviour) {
            case Behaviour.Answer(var records) -> {
                records.forEach(r -> response.addRecord(r, Section.ANSWER));
                if (records.isEmpty()) {
                    response.addRecord(soa(question.getName()), Section.AUTHORITY);
                }
            }
            case Behaviour.Fail(var rcode) -> response.getHeader().setRcode(rcode);
            case Behaviour.Slow slow -> throw new IllegalStateException("answered after the delay");
            case null -> {
                if (nameExists(question.getName())) {
                    response.addRecord(soa(question.getName()), Section.AUTHORITY);
                } else {
                    response.getHeader().setRcode(Rcode.NXDOMAIN);
                    response.addRecord(soa(question.getName()), Section.AUTHORITY);
                }
            }
        }
        return response;
    }

    private Message relayed(Message query, byte[] data, List<InetSocketAddress> upstream) {
        for (var server : upstream) {
            try (var relay = new DatagramSocket()) {
                relay.setSoTimeout(2_000);
                relay.send(new DatagramPacket(data, data.length, server));
                var reply = new DatagramPacket(new byte[65_535], 65_535);
                relay.receive(reply);
                return new Message(java.util.Arrays.copyOf(reply.getData(), reply.getLength()));
            } catch (IOException e) {
                // This resolver did not answer in time or at all: the next one may.
            }
        }
        return answer(query, new Behaviour.Fail(Rcode.SERVFAIL));
    }

    private boolean nameExists(Name name) {
        return zone.keySet().stream().anyMatch(k -> k.name().equals(name));
    }

    private static Record soa(Name zone) {
        return new SOARecord(zone, DClass.IN, 60, SOA_NAME, SOA_NAME, 1, 3600, 600, 86400, 60);
    }

    private void send(Message response, java.net.SocketAddress to) {
        var bytes = response.toWire();
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            // The client gave up (closed its port); a real server would not notice either.
        }
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text.toLowerCase(Locale.ROOT), Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Override
    public void close() {
        socket.close();
        thread.interrupt();
    }
}
