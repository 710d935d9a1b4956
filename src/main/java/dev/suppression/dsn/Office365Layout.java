package dev.suppression.dsn;

/** Microsoft 365's current notices say "Your message to ... couldn't be delivered" and "Diagnostic information for administrators", with {@code X-MS-Exchange-*} headers. */
final class Office365Layout implements BounceLayout {

    @Override
    public String name() {
        return "Microsoft 365";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("couldn't be delivered") && (bounce.says("diagnostic information for administrators") || bounce.has("X-MS-Exchange-Message-Is-Ndr"))
                || bounce.says("office 365") || bounce.says("microsoft 365");
    }
}
