package dev.suppression.dsn;

/** French "Mail Delivery Subsystem" style texts. */
final class FrenchTextLayout implements BounceLayout {

    @Override
    public String name() {
        return "French";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.saysAny("ceci est le systeme de messagerie", "votre message n'a pas pu etre remis", "n'a pas pu etre remis",
                "la remise a echoue", "echec de la remise", "impossible de remettre votre message");
    }
}
