package vn.neuguong.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import vn.neuguong.contracts.CloudEvents;

/**
 * Publishes the events waiting in owner documents' outboxes, in order, and removes them once the broker has
 * acknowledged them. A crash between the acknowledgement and the removal publishes an event again; consumers
 * absorb that by (entity id, version). While Kafka is down the events simply wait.
 *
 * <p>Two paths. The documents this instance just wrote ({@link #documentWritten}) are read in one query per round,
 * their events sent without waiting for each other, and the published ones cleared in one bulk write: no claim,
 * since no other relay touches a document that young. The sweep, on a fixed cadence that load cannot starve, takes
 * every document pending for longer than {@code sweep-grace} — written by another instance, left by a crash, or
 * waiting while Kafka was down — and claims each with a lease first, so that two sweeping instances rarely publish
 * the same event (and when they do, it is a harmless duplicate).
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
    private final Counter published;
    private final Counter failures;
    private final Map<String, Queue<Object>> written = new ConcurrentHashMap<>();
    /** Released by every write this instance tells of, so an idle relay wakes at once instead of polling. */
    private final Semaphore writes = new Semaphore(0);
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private volatile boolean running;
    private long nextSweepNanos = System.nanoTime();

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
            List<Tag> tags = List.of(Tag.of("collection", collection));
            Gauge.builder("neuguong.outbox.pending.documents", this, relay -> relay.pendingDocuments(collection))
                    .tags(tags).description("Owner documents with unpublished events").register(meters);
            Gauge.builder("neuguong.outbox.oldest.pending", this, relay -> relay.oldestPendingSeconds(collection))
                    .tags(tags).baseUnit("seconds").description("Age of the oldest unpublished event")
                    .register(meters);
        }
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("outbox-relay-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(10);
    }

    /** Tells the relay that {@code documentId} in {@code collection} was just written with pending events. */
    public void documentWritten(String collection, Object documentId) {
        written.computeIfAbsent(collection, name -> new ConcurrentLinkedQueue<>()).add(documentId);
        writes.release();
    }

    /** Publishes what was written since the last round, and sweeps when due; returns the events published. */
    public int relayOnce() {
        boolean sweep = System.nanoTime() - nextSweepNanos >= 0;
        boolean backlog = false;
        int count = 0;
        for (String name : properties.collections()) {
            MongoCollection<Document> collection = mongo.getCollection(name);
            Set<Object> ids = new LinkedHashSet<>();
            Queue<Object> hints = written.get(name);
            while (hints != null && ids.size() < properties.batchSize() && !hints.isEmpty()) {
                ids.add(hints.poll());
            }
            if (!ids.isEmpty()) {
                count += publish(collection, collection.find(Filters.in("_id", ids))
                        .projection(Projections.include(OutboxEvent.OUTBOX_FIELD)).into(new ArrayList<>()));
            }
            if (sweep) {
                List<Object> stale = staleIds(collection);
                backlog |= stale.size() == properties.batchSize();
                count += publish(collection, claim(collection, stale));
            }
        }
        if (sweep && !backlog) {
            nextSweepNanos = System.nanoTime() + properties.sweepInterval().toNanos();
        }
        return count;
    }

    /** Documents pending for longer than the grace, which their writer's relay should have published by now. */
    private List<Object> staleIds(MongoCollection<Document> collection) {
        Date before = Date.from(clock.instant().minus(properties.sweepGrace()));
        return collection.find(claimable(Filters.lte(OutboxEvent.PENDING_SINCE_FIELD, before)))
                .projection(Projections.include("_id")).sort(Sorts.ascending(OutboxEvent.PENDING_SINCE_FIELD))
                .limit(properties.batchSize()).map(document -> document.get("_id")).into(new ArrayList<>());
    }

    /** Not leased by another relay (or its lease ran out). */
    private Bson claimable(Bson filter) {
        Date now = Date.from(clock.instant());
        return Filters.and(filter, Filters.exists(OutboxEvent.PENDING_SINCE_FIELD), Filters.or(
                Filters.eq(LEASE_OWNER, owner), Filters.eq(LEASE_UNTIL, null), Filters.lt(LEASE_UNTIL, now)));
    }

    private List<Document> claim(MongoCollection<Document> collection, List<Object> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Bson lease = Updates.combine(Updates.set(LEASE_OWNER, owner),
                Updates.set(LEASE_UNTIL, Date.from(clock.instant().plus(properties.lease()))));
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions()
                .projection(Projections.include(OutboxEvent.OUTBOX_FIELD)).returnDocument(ReturnDocument.AFTER);
        List<Document> claimed = new ArrayList<>();
        for (Object id : ids) {
            Document document = collection.findOneAndUpdate(claimable(Filters.eq("_id", id)), lease, options);
            if (document != null) {
                claimed.add(document); // else published meanwhile, or leased by another relay
            }
        }
        return claimed;
    }

    private int publish(MongoCollection<Document> collection, List<Document> documents) {
        List<Sending> sending = new ArrayList<>();
        for (Document document : documents) {
            Sending events = send(document);
            if (!events.eventIds().isEmpty()) {
                sending.add(events);
            }
            if (events.failedAlready()) {
                break; // the broker is unreachable: don't wait for metadata once per document
            }
        }
        if (sending.isEmpty()) {
            return 0;
        }
        Map<Object, List<String>> acknowledged = new LinkedHashMap<>();
        int sent = 0;
        for (Sending document : sending) {
            List<String> events = document.acknowledged();
            if (!events.isEmpty()) {
                sent += events.size();
                acknowledged.put(document.id(), events);
            }
        }
        clear(collection, acknowledged);
        published.increment(sent);
        return sent;
    }

    /**
     * Removes the acknowledged events from their documents. Usually a document's outbox holds exactly those events,
     * and one write per document ({@link #emptying}) empties it and ends the pending state. Only when some of those
     * writes matched nothing (a concurrent write appended an event, or another relay already removed some) are the
     * careful ones ({@link #removing}) sent, for every document of the round: after an emptying write they match
     * nothing. Sending all three for every document cost the database two more reads of each published document.
     */
    static void clear(MongoCollection<Document> collection, Map<Object, List<String>> acknowledged) {
        if (acknowledged.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> emptying = new ArrayList<>();
        acknowledged.forEach((id, events) -> emptying.add(emptying(id, events)));
        if (collection.bulkWrite(emptying, new BulkWriteOptions().ordered(true)).getMatchedCount()
                == acknowledged.size()) {
            return;
        }
        List<WriteModel<Document>> removing = new ArrayList<>();
        acknowledged.forEach((id, events) -> removing.addAll(removing(id, events)));
        collection.bulkWrite(removing, new BulkWriteOptions().ordered(true));
    }

    /**
     * Empties the outbox and ends the pending state if the outbox holds exactly the {@code acknowledged} events. A
     * document whose outbox merely has the same size must not be emptied: the filter names the events.
     */
    static WriteModel<Document> emptying(Object id, List<String> acknowledged) {
        return new UpdateOneModel<>(Filters.and(Filters.eq("_id", id),
                Filters.size(OutboxEvent.OUTBOX_FIELD, acknowledged.size()),
                Filters.all(OutboxEvent.OUTBOX_FIELD + ".eventId", acknowledged)),
                Updates.combine(Updates.set(OutboxEvent.OUTBOX_FIELD, List.of()),
                        Updates.unset(OutboxEvent.PENDING_SINCE_FIELD), unlease()));
    }

    /**
     * Removes the {@code acknowledged} events, whatever else the outbox holds, then ends the pending state only if
     * that emptied the outbox; in this order.
     */
    static List<WriteModel<Document>> removing(Object id, List<String> acknowledged) {
        return List.of(
                new UpdateOneModel<>(Filters.and(Filters.eq("_id", id),
                        Filters.in(OutboxEvent.OUTBOX_FIELD + ".eventId", acknowledged)),
                        Updates.combine(Updates.pull(OutboxEvent.OUTBOX_FIELD, Filters.in("eventId", acknowledged)),
                                unlease())),
                new UpdateOneModel<>(Filters.and(Filters.eq("_id", id), Filters.size(OutboxEvent.OUTBOX_FIELD, 0),
                        Filters.exists(OutboxEvent.PENDING_SINCE_FIELD)),
                        Updates.unset(OutboxEvent.PENDING_SINCE_FIELD)));
    }

    private static Bson unlease() {
        return Updates.combine(Updates.unset(LEASE_OWNER), Updates.unset(LEASE_UNTIL));
    }

    private Sending send(Document document) {
        List<Document> events = document.getList(OutboxEvent.OUTBOX_FIELD, Document.class, List.of());
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<SendResult<String, String>>> acks = new ArrayList<>();
        for (Document event : events) {
            ids.add(event.getString("eventId"));
            acks.add(kafka.send(toRecord(event)));
        }
        return new Sending(document.get("_id"), ids, acks);
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

    private double oldestPendingSeconds(String collection) {
        Document oldest = mongo.getCollection(collection).find(Filters.exists(OutboxEvent.PENDING_SINCE_FIELD))
                .projection(Projections.include(OutboxEvent.PENDING_SINCE_FIELD))
                .sort(Sorts.ascending(OutboxEvent.PENDING_SINCE_FIELD)).limit(1).first();
        if (oldest == null) {
            return 0;
        }
        Date since = oldest.getDate(OutboxEvent.PENDING_SINCE_FIELD);
        return Math.max(0, Duration.between(since.toInstant(), clock.instant()).toMillis() / 1000.0);
    }

    private record Sending(Object id, List<String> eventIds,
                           List<CompletableFuture<SendResult<String, String>>> acks) {

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

    /**
     * Rounds back to back while there is work; when there is none, waits for a write of this instance or the next
     * sweep, whichever comes first.
     */
    private void rounds() {
        while (running) {
            try {
                if (relayOnce() == 0) {
                    awaitWriteOrSweep();
                }
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Outbox relay round failed, retrying: {}", e.getMessage());
                nextSweepNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                awaitWriteOrSweep();
            }
        }
    }

    private void awaitWriteOrSweep() {
        try {
            long untilSweep = nextSweepNanos - System.nanoTime();
            if (untilSweep > 0 && writes.tryAcquire(untilSweep, TimeUnit.NANOSECONDS)) {
                // the round that follows reads every write told of so far
                writes.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void start() {
        if (!running) {
            running = true;
            scheduler.initialize();
            scheduler.execute(this::rounds);
        }
    }

    @Override
    public synchronized void stop() {
        if (running) {
            running = false;
            writes.release();
            scheduler.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
