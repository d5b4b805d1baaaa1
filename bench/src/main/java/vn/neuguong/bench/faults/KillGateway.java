package vn.neuguong.bench.faults;

/** kill -9 of the gateway (one instance locally: every request fails until it is back), then {@code ./local.sh up}. */
final class KillGateway implements Fault {

    private final LocalStack stack;

    KillGateway(LocalStack stack) {
        this.stack = stack;
    }

    @Override
    public String name() {
        return "kill -9 gateway";
    }

    @Override
    public String inject() {
        stack.kill("gateway");
        stack.up();
        return "the only gateway: clients retried until it was back";
    }
}
