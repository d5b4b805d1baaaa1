package vn.neuguong.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Ordered after every other system test: {@code ./local.sh down} stops everything and leaves no process. */
@Order(Integer.MAX_VALUE)
class ShutdownSystemIT {

    @Test
    void downLeavesNoProcess() throws Exception {
        SystemStack.ensureStarted();
        List<ProcessHandle> started = SystemStack.startedProcesses();
        assertThat(started).hasSize(5);

        SystemStack.LocalShResult down = SystemStack.localSh("down");

        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(started).noneMatch(ProcessHandle::isAlive);
        assertThat(SystemStack.startedProcesses()).isEmpty();
        assertThat(SystemStack.localSh("status").exitCode()).isEqualTo(3);
    }
}
