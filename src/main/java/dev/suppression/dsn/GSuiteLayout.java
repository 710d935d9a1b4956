package dev.suppression.dsn;

/** Google's notices for a Workspace sender name the product; the layout is otherwise Gmail's. */
final class GSuiteLayout implements BounceLayout {

    @Override
    public String name() {
        return "Google Workspace (G Suite)";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return (bounce.says("google workspace") || bounce.says("g suite")) && bounce.says("delivered");
    }
}
