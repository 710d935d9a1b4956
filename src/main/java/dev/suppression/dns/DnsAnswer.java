package dev.suppression.dns;

import java.util.List;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;

/** What a DNS server answered to one question: its response code and the records of the type asked. */
record DnsAnswer(int rcode, List<Record> records) {

    boolean nameDoesNotExist() {
        return rcode == Rcode.NXDOMAIN;
    }
}
