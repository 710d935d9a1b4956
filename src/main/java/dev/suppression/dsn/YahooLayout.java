package dev.suppression.dsn;

/** Yahoo writes "Sorry, we were unable to deliver your message to the following address." */
final class YahooLayout implements BounceLayout {

    @Override
    public String name() {
        return "Yahoo";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("sorry, we were unable to deliver your message to the following address");
    }
}
