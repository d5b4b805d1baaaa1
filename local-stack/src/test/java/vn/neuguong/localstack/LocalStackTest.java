package vn.neuguong.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalStackTest {

    @TempDir
    Path dataDir;

    /** The database starts beside the broker: both listen once start returns, and both stop. */
    @Test
    void startReturnsOnceTheBrokerTheDatabaseAndTheIssuerListenAndStopClosesThem() {
        List<Integer> ports = List.of(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next());
        LocalStackOptions options = LocalStackOptions.from(new String[] {"--data-dir=" + dataDir,
                "--kafka-port=" + ports.get(0), "--kafka-controller-port=" + ports.get(1),
                "--kafka-sasl-port=" + ports.get(2), "--mongo-port=" + ports.get(3),
                "--issuer-port=" + ports.get(4)}, Map.of());
        LocalStack stack = new LocalStack();
        try {
            stack.start(options);
            assertThat(ports).allMatch(LocalStackTest::listening);
        } finally {
            stack.stop();
        }
        assertThat(List.of(ports.get(0), ports.get(3), ports.get(4))).noneMatch(LocalStackTest::listening);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
