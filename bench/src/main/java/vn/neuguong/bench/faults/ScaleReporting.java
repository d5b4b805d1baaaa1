package vn.neuguong.bench.faults;

import java.time.Duration;
import java.util.List;

/**
 * reporting-service scaled under load. With one instance of each service: up to three ({@code ./local.sh up
 * --instances 3}, which scales the other services too) and back to one. With more already running: down to one
 * (graceful stops, as an operator scales down) and up again ({@code ./local.sh up} starts the missing ones).
 */
final class ScaleReporting implements Fault {

    private static final String SERVICE = "reporting-service";
    private static final Duration AT_EACH_SIZE = Duration.ofSeconds(20);

    private final LocalStack stack;
    private final int instances;

    ScaleReporting(LocalStack stack) {
        this.stack = stack;
        this.instances = stack.instances(SERVICE).size();
    }

    @Override
    public String name() {
        return instances <= 1 ? "scale reporting-service 1 → 3 → 1" : "scale reporting-service " + instances + " → 1 → "
                + instances;
    }

    @Override
    public String inject() throws InterruptedException {
        if (instances <= 1) {
            stack.up("--instances", "3");
            Thread.sleep(AT_EACH_SIZE.toMillis());
            stack.up("--instances", "1");
            return "local.sh scales every service: pledge- and recognition-service went 1 → 3 → 1 too";
        }
        List<String> beyondFirst = stack.instances(SERVICE).subList(1, instances);
        stack.stop(beyondFirst.toArray(String[]::new));
        Thread.sleep(AT_EACH_SIZE.toMillis());
        stack.up();
        return "";
    }
}
