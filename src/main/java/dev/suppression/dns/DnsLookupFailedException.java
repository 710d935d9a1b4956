package dev.suppression.dns;

/** DNS gave no usable answer; the message says why, in words fit for the diagnosis ("no answer within 2s"). */
class DnsLookupFailedException extends Exception {

    DnsLookupFailedException(String why) {
        super(why);
    }
}
