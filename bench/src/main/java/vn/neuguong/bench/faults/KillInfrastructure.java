package vn.neuguong.bench.faults;

/**
 * kill -9 of the broker or the database, then {@code ./local.sh up} to start it again. When both run in one
 * local-stack process (no {@code --separate-infra}), that process is killed and the row says so.
 */
final class KillInfrastructure implements Fault {

    enum Part { BROKER, DATABASE }

    private final LocalStack stack;
    private final Part part;

    KillInfrastructure(LocalStack stack, Part part) {
        this.stack = stack;
        this.part = part;
    }

    @Override
    public String name() {
        return "kill -9 " + (part == Part.BROKER ? "broker" : "database") + " (" + process() + ")";
    }

    @Override
    public String inject() {
        String process = process();
        stack.kill(process);
        stack.up();
        return stack.separateInfra() ? "" : "broker and database share the local-stack process (no --separate-infra)";
    }

    private String process() {
        return part == Part.BROKER ? stack.broker() : stack.database();
    }
}
