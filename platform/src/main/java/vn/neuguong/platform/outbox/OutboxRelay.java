package vn.neuguong.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import vn.neuguong.contracts.CloudEvents;

/**
 * Publishes the events waiting in owner documents' outboxes, in order, and removes them once the broker has
 * acknowledged them. A crash between the acknowledgement and the removal publishes an event again; consumers
 * absorb that by (entity id, version). While Kafka is down the events simply wait.
 *
 * <p>It learns of new events two ways: the writing service tells it which document it just wrote
 * ({@link #documentWritten}), which is published at once by primary-key lookups; and a periodic sweep finds every
 * document still pending (written by another instance, left by a crash, or waiting while Kafka was down). The
 * sweep is index-backed, but the embedded server reads every pending document to sort them, so it runs only every
 * {@code sweep-interval} (or back to back while it keeps finding full batches), and never while documents written
 * here are still waiting: they are the fast path, and during a bulk import they are also everything pending.
 *
 * <p>Several instances may run: each claims a document with a lease before publishing it, so two relays rarely
 * publish the same event (and when they do, it is a harmless duplicate).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String LEASE_OWNER = "outboxLeaseOwner";
    private static final String LEASE_UNTIL = "outboxLeaseUntil";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Counter published;
    private final Counter failures;
    private final Object wakeUp = new Object();
    private final Map<String, Queue<Object>> written = new ConcurrentHashMap<>();
    private long nextSweepNanos;
    private Thread worker;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
            Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.published = Counter.builder("neuguong.outbox.published").description("Outbox events published")
                .register(meters);
        this.failures = Counter.builder("neuguong.outbox.failures").description("Outbox rounds that failed")
                .register(meters);
        for (String collection : properties.collections()) {
            meters.gauge("neuguong.outbox.pending.documents", List.of(io.micrometer.core.instrument.Tag.of(
                    "collection", collection)), this, relay -> relay.pendingDocuments(collection));
        }
    }

    /** Tells the relay that {@code documentId} in {@code collection} was just written with pending events. */
    public void documentWritten(String collection, Object documentId) {
        written.computeIfAbsent(collection, name -> new ConcurrentLinkedQueue<>()).add(documentId);
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    /** Publishes what was written since the last round, and sweeps when due; returns the events published. */
    public int relayOnce() {
        boolean hinted = written.values().stream().anyMatch(hints -> !hints.isEmpty());
        boolean sweep = !hinted && System.nanoTime() - nextSweepNanos >= 0;
        boolean backlog = false;
        int count = 0;
        for (String name : properties.collections()) {
            MongoCollection<Document> collection = mongo.getCollection(name);
            Set<Object> ids = new LinkedHashSet<>();
            Queue<Object> hints = written.get(name);
            while (hints != null && ids.size() < properties.batchSize() && !hints.isEmpty()) {
                ids.add(hints.poll());
            }
            if (sweep) {
                List<Object> pending = pendingIds(collection);
                backlog |= pending.size() == properties.batchSize();
                ids.addAll(pending);
            }
            count += relay(collection, ids);
        }
        if (sweep && !backlog) {
            nextSweepNanos = System.nanoTime() + properties.sweepInterval().toNanos();
        }
        return count;
    }

    private List<Object> pendingIds(MongoCollection<Document> collection) {
        return collection.find(claimable(null)).projection(Projections.include("_id"))
                .sort(Sorts.ascending(OutboxEvent.PENDING_SINCE_FIELD)).limit(properties.batchSize())
                .map(document -> document.get("_id")).into(new ArrayList<>());
    }

    /** Pending, and not leased by another relay (or its lease ran out). */
    private Document claimable(Object id) {
        Date now = Date.from(clock.instant());
        Document filter = id == null ? new Document() : new Document("_id", id);
        return filter.append(OutboxEvent.PENDING_SINCE_FIELD, new Document("$lte", now))
                .append("$or", List.of(new Document(LEASE_OWNER, owner), new Document(LEASE_UNTIL, null),
                        new Document(LEASE_UNTIL, new Document("$lt", now))));
    }

    private int relay(MongoCollection<Document> collection, Set<Object> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        Bson lease = Updates.combine(Updates.set(LEASE_OWNER, owner),
                Updates.set(LEASE_UNTIL, Date.from(clock.instant().plus(properties.lease()))));
        FindOneAndUpdateOptions claimOptions = new FindOneAndUpdateOptions()
                .projection(Projections.include(OutboxEvent.OUTBOX_FIELD)).returnDocument(ReturnDocument.AFTER);
        List<Claimed> claimed = new ArrayList<>();
        for (Object id : ids) {
            Document document = collection.findOneAndUpdate(claimable(id), lease, claimOptions);
            if (document == null) {
                continue; // published meanwhile, or leased by another relay
            }
            Claimed sending = send(document);
            claimed.add(sending);
            if (sending.failedAlready()) {
                break; // the broker is unreachable: don't wait for metadata once per document
            }
        }
        if (claimed.isEmpty()) {
            return 0;
        }
        List<WriteModel<Document>> removals = new ArrayList<>();
        List<WriteModel<Document>> settled = new ArrayList<>();
        int sent = 0;
        for (Claimed document : claimed) {
            List<String> acknowledged = document.acknowledged();
            sent += acknowledged.size();
            removals.add(new UpdateOneModel<>(new Document("_id", document.id()), Updates.combine(
                    Updates.pull(OutboxEvent.OUTBOX_FIELD, Filters.in("eventId", acknowledged)),
                    Updates.unset(LEASE_OWNER), Updates.unset(LEASE_UNTIL))));
            // Only a document whose outbox is now empty stops being pending; a concurrent write that pushed a
            // new event keeps it pending because the size condition no longer holds.
            settled.add(new UpdateOneModel<>(new Document("_id", document.id())
                    .append(OutboxEvent.OUTBOX_FIELD, new Document("$size", 0)),
                    Updates.unset(OutboxEvent.PENDING_SINCE_FIELD)));
        }
        collection.bulkWrite(removals);
        collection.bulkWrite(settled);
        published.increment(sent);
        return sent;
    }

    private Claimed send(Document document) {
        List<Document> events = document.getList(OutboxEvent.OUTBOX_FIELD, Document.class, List.of());
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<SendResult<String, String>>> acks = new ArrayList<>();
        for (Document event : events) {
            ids.add(event.getString("eventId"));
            acks.add(kafka.send(toRecord(event)));
        }
        return new Claimed(document.get("_id"), ids, acks);
    }

    private ProducerRecord<String, String> toRecord(Document event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.getString("topic"), event.getString("key"),
                event.getString("data"));
        Instant time = event.getDate("time").toInstant();
        header(record, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.HEADER_ID, event.getString("eventId"));
        header(record, CloudEvents.HEADER_TYPE, event.getString("type"));
        header(record, CloudEvents.HEADER_SOURCE, properties.source());
        header(record, CloudEvents.HEADER_TIME, time.toString());
        header(record, CloudEvents.HEADER_SUBJECT, event.getString("subject"));
        header(record, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.DATA_CONTENT_TYPE);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private double pendingDocuments(String collection) {
        return mongo.getCollection(collection).countDocuments(Filters.exists(OutboxEvent.PENDING_SINCE_FIELD));
    }

    private record Claimed(Object id, List<String> eventIds, List<CompletableFuture<SendResult<String, String>>> acks) {

        boolean failedAlready() {
            return acks.stream().anyMatch(CompletableFuture::isCompletedExceptionally);
        }

        /** The events acknowledged by the broker, up to the first that was not (order is kept). */
        List<String> acknowledged() {
            List<String> done = new ArrayList<>();
            for (int i = 0; i < acks.size(); i++) {
                try {
                    acks.get(i).get(60, TimeUnit.SECONDS);
                    done.add(eventIds.get(i));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception e) {
                    log.warn("Outbox event {} not acknowledged yet: {}", eventIds.get(i), e.getMessage());
                    break;
                }
            }
            return done;
        }
    }

    private void loop() {
        while (running.get()) {
            int sent = 0;
            try {
                sent = relayOnce();
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Outbox relay round failed, retrying: {}", e.getMessage());
                pause(1000);
            }
            if (sent == 0) {
                pause(properties.idlePoll().toMillis());
            }
        }
    }

    private void pause(long millis) {
        synchronized (wakeUp) {
            try {
                wakeUp.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.set(false);
            }
        }
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            worker = new Thread(this::loop, "outbox-relay");
            worker.setDaemon(true);
            worker.start();
        }
    }

    @Override
    public void stop() {
        running.set(false);
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        if (worker != null) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
