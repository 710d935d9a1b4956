package dev.suppression.providersync;

/** What an action asks of a provider's list. */
public enum ActionKind {
    /** After a clear here: take the address off the provider's list. */
    REMOVE,
    /** After a suppression here: put it on, where the API allows. */
    ADD
}
