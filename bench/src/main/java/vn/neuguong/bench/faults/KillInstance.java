package vn.neuguong.bench.faults;

import java.util.List;
import java.util.Optional;

/** kill -9 of one instance of a service (the last one), then {@code ./local.sh up} to start it again. */
final class KillInstance implements Fault {

    private final LocalStack stack;
    private final String service;

    KillInstance(LocalStack stack, String service) {
        this.stack = stack;
        this.service = service;
    }

    @Override
    public String name() {
        return "kill -9 " + victim().orElse(service);
    }

    @Override
    public Optional<String> unavailable() {
        return victim().isPresent() ? Optional.empty() : Optional.of("no instance of " + service + " runs");
    }

    @Override
    public String inject() {
        String victim = victim().orElseThrow();
        stack.kill(victim);
        stack.up();
        List<String> instances = stack.instances(service);
        return instances.size() == 1 ? "the only instance: its service was down until the restart" : "";
    }

    private Optional<String> victim() {
        List<String> instances = stack.instances(service);
        return instances.isEmpty() ? Optional.empty() : Optional.of(instances.get(instances.size() - 1));
    }
}
