package dev.suppression.dsn;

/** qmail clones keep qmail-remote's verdicts ("does not like recipient", "Remote host said:") under their own opening sentence, or announce themselves in a qmail {@code Received} line. */
final class X4Layout implements BounceLayout {

    @Override
    public String name() {
        return "qmail clone (X4)";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("this is the mail delivery agent at") || bounce.says("unable to deliver your message to the following addresses")
                || bounce.says("your mail message to the following address") || bounce.says("your message to the following addresses")
                || bounce.says("unfortunately, your mail was not delivered to the following address")
                || bounce.says("this is the machine generated message from mail service")
                || ((bounce.subjectStartsWith("failure notice") || bounce.subjectStartsWith("Permanent Delivery Failure"))
                    && bounce.headerContains("Received", "(qmail ") && bounce.says("remote host said"));
    }
}
