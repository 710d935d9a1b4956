package dev.suppression.bouncerate;

/** The rule that turns a row's counts into a level. */
public record RateThresholds(double warnHardBounceRate, double criticalHardBounceRate, double warnComplaintRate,
                             double criticalComplaintRate, long minimumVolume) {

    public RateLevel judge(long sent, long hardBounces, long complaints) {
        if (sent < minimumVolume) {
            return RateLevel.LOW_VOLUME;
        }
        double hardRate = (double) hardBounces / sent;
        double complaintRate = (double) complaints / sent;
        if (hardRate >= criticalHardBounceRate || complaintRate >= criticalComplaintRate) {
            return RateLevel.CRITICAL;
        }
        if (hardRate >= warnHardBounceRate || complaintRate >= warnComplaintRate) {
            return RateLevel.WARN;
        }
        return RateLevel.OK;
    }
}
