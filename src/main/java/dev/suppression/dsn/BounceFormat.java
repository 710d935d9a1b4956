package dev.suppression.dsn;

/** Names of the readings that are not a layout of their own. */
final class BounceFormat {

    /** RFC 3464 {@code multipart/report; report-type=delivery-status} from an MTA no layout names. */
    static final String DELIVERY_STATUS = "RFC 3464";

    private BounceFormat() {
    }
}
