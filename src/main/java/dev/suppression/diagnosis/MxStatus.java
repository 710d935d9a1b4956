package dev.suppression.diagnosis;

/** Whether DNS answered the diagnosis's lookup. */
public enum MxStatus {
    /** DNS answered: the route shown is the one in force now. */
    KNOWN,
    /** DNS gave no usable answer: the route shown, if any, is the last one seen. */
    UNKNOWN
}
