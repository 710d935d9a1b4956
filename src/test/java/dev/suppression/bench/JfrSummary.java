package dev.suppression.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time goes, from a JFR recording of the service: CPU samples of the request threads with their
 * inclusive share per method (a method counts once per sample however deep it recurs), the self share, a
 * share per layer of the stack, and the time request threads spent blocked on the database socket or a lock.
 *
 * <p>{@code JfrSummary <recording.jfr> [thread-name-prefix (default http-nio-)] [top (default 40)]
 * [focus prefix (default dev.suppression.)]}
 */
public final class JfrSummary {

    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("org.postgresql.", "PgJDBC driver");
        LAYERS.put("com.zaxxer.hikari.", "HikariCP");
        LAYERS.put("org.hibernate.", "Hibernate / JPA");
        LAYERS.put("org.springframework.orm.", "Spring transactions (JPA)");
        LAYERS.put("org.springframework.transaction.", "Spring transactions (JPA)");
        LAYERS.put("org.springframework.jdbc.", "Spring JDBC");
        LAYERS.put("org.springframework.data.", "Spring Data");
        LAYERS.put("com.ibm.icu.", "ICU (IDNA)");
        LAYERS.put("tools.jackson.", "Jackson");
        LAYERS.put("io.micrometer.", "Micrometer");
        LAYERS.put("org.springframework.security.", "Spring Security");
        LAYERS.put("org.springframework.web.", "Spring MVC");
        LAYERS.put("org.springframework.boot.actuate.", "Actuator");
        LAYERS.put("org.apache.catalina.", "Tomcat");
        LAYERS.put("org.apache.coyote.", "Tomcat");
        LAYERS.put("org.apache.tomcat.", "Tomcat");
        LAYERS.put("dev.suppression.", "service code");
    }

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        var file = Path.of(args[0]);
        var threadPrefix = args.length > 1 ? args[1] : "http-nio-";
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        var focus = args.length > 3 ? args[3] : "dev.suppression.";
        var inclusive = new HashMap<String, Integer>();
        var self = new HashMap<String, Integer>();
        var layerSelf = new HashMap<String, Integer>();
        var blocked = new HashMap<String, Double>();
        int samples = 0;
        int allSamples = 0;
        for (var event : RecordingFile.readAllEvents(file)) {
            var type = event.getEventType().getName();
            var recordedThread = type.equals("jdk.ExecutionSample") ? event.getThread("sampledThread") : event.getThread();
            var thread = recordedThread == null ? null : recordedThread.getJavaName();
            var onRequestThread = thread != null && thread.startsWith(threadPrefix);
            if (type.equals("jdk.ExecutionSample")) {
                allSamples++;
                if (!onRequestThread || event.getStackTrace() == null) {
                    continue;
                }
                samples++;
                var frames = event.getStackTrace().getFrames();
                var seen = new HashSet<String>();
                for (var frame : frames) {
                    var name = name(frame);
                    if (seen.add(name)) {
                        inclusive.merge(name, 1, Integer::sum);
                    }
                }
                if (!frames.isEmpty()) {
                    self.merge(name(frames.getFirst()), 1, Integer::sum);
                    layerSelf.merge(layer(frames), 1, Integer::sum);
                }
            } else if (onRequestThread && (type.equals("jdk.SocketRead") || type.equals("jdk.JavaMonitorEnter")
                    || type.equals("jdk.ThreadPark"))) {
                blocked.merge(type, millis(event), Double::sum);
            }
        }
        System.out.printf("%s: %d CPU samples, %d on threads %s*%n", file.getFileName(), allSamples, samples, threadPrefix);
        System.out.println("\nSelf time by layer (the innermost frame that belongs to a known library or the service):");
        print(layerSelf, samples, 20);
        System.out.println("\nInclusive (method on the stack), top " + top + ":");
        print(inclusive, samples, top);
        System.out.println("\nInclusive, methods of " + focus + "* only:");
        var focused = new HashMap<String, Integer>();
        inclusive.forEach((method, count) -> {
            if (method.startsWith(focus) && !method.contains("$$SpringCGLIB$$")) {
                focused.put(method, count);
            }
        });
        print(focused, samples, top);
        System.out.println("\nSelf (innermost frame), top 20:");
        print(self, samples, 20);
        System.out.println("\nRequest threads blocked (events over the recording's thresholds), ms in total:");
        blocked.forEach((type, ms) -> System.out.printf("  %-24s %,12.0f%n", type, ms));
    }

    private static double millis(RecordedEvent event) {
        return event.getDuration().toNanos() / 1e6;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String layer(java.util.List<RecordedFrame> frames) {
        for (var frame : frames) {
            var type = frame.getMethod().getType().getName();
            for (var entry : LAYERS.entrySet()) {
                if (type.startsWith(entry.getKey())) {
                    return entry.getValue();
                }
            }
        }
        return "JDK / other";
    }

    private static void print(Map<String, Integer> counts, int total, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
    }
}
