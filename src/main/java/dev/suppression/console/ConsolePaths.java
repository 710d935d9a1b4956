package dev.suppression.console;

/** The console's addresses, named once for the security rules and the controllers. */
final class ConsolePaths {

    static final String HOME = "/console";
    static final String SIGN_IN = "/console/sign-in";
    static final String SIGN_OUT = "/console/sign-out";
    static final String DENIED = "/console/denied";
    static final String STYLE_SHEET = "/console/console.css";
    static final String SCRIPT = "/console/console.js";
    static final String ADDRESS = "/console/address";
    static final String DOMAINS = "/console/domains";
    static final String SUPPRESSIONS = "/console/suppressions";
    static final String REJECTED = "/console/rejected";
    static final String KEYS = "/console/admin/keys";

    private ConsolePaths() {
    }
}
