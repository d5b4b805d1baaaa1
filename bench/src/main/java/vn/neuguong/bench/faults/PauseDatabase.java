package vn.neuguong.bench.faults;

import java.time.Duration;

/** The database stopped (SIGSTOP) for a while, then continued (SIGCONT): a long GC pause or a frozen VM. */
final class PauseDatabase implements Fault {

    private final LocalStack stack;
    private final Duration pause;

    PauseDatabase(LocalStack stack, Duration pause) {
        this.stack = stack;
        this.pause = pause;
    }

    @Override
    public String name() {
        return "SIGSTOP database " + pause.toSeconds() + " s (" + stack.database() + ")";
    }

    @Override
    public String inject() throws InterruptedException {
        String process = stack.database();
        stack.pause(process);
        try {
            Thread.sleep(pause.toMillis());
        } finally {
            stack.resume(process);
        }
        return stack.separateInfra() ? "" : "the broker paused with it (one local-stack process)";
    }
}
