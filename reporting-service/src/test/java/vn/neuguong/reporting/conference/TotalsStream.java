package vn.neuguong.reporting.conference;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A server-sent-event client of a conference's totals stream: the events, with the time each arrived. */
final class TotalsStream implements AutoCloseable {

    record Event(long receivedNanos, JsonNode totals) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile String contentType;

    TotalsStream(int port, String conferenceId, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/conferences/"
                        + conferenceId + "/totals/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(this::read);
    }

    private void read(HttpResponse<Stream<String>> received) {
        contentType = received.headers().firstValue("Content-Type").orElse("");
        String[] event = {null};
        received.body().forEach(line -> {
            if (line.startsWith("event:")) {
                event[0] = line.substring(6).strip();
            } else if (line.startsWith("data:") && "totals".equals(event[0])) {
                events.add(new Event(System.nanoTime(), JSON.readTree(line.substring(5).strip())));
            } else if (line.startsWith(":")) {
                comments.add(line.substring(1).strip());
            } else if (line.isEmpty()) {
                event[0] = null;
            }
        });
    }

    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String nextComment(Duration timeout) throws InterruptedException {
        return comments.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String contentType() {
        return contentType;
    }

    @Override
    public void close() {
        response.thenAccept(received -> received.body().close());
        response.cancel(true);
    }
}
