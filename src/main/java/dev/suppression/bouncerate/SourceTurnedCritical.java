package dev.suppression.bouncerate;

import java.time.Duration;
import java.time.Instant;

/** A stream or list source reached CRITICAL (it was not before): worth a page, once per turn. */
public record SourceTurnedCritical(RateDimension dimension, String key, RateRow row, Duration window, Instant at) { }
