package dev.suppression.bouncerate;

/** How a row's rates stand against the thresholds, best to worst. */
public enum RateLevel {
    /** Too few sends in the window to judge: one 550 5.1.1 in ten sends is noise, not a rate. */
    LOW_VOLUME,
    /** Under every warning threshold. */
    OK,
    /** Hard bounces or complaints high enough that mailbox providers start to notice: look at the source. */
    WARN,
    /** At the rates that get accounts reviewed or paused: stop mailing the source and clean it. */
    CRITICAL
}
