package vn.neuguong.bench.faults;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the client was told about its writes: each one acknowledged with a 2xx (the entity it changed and the
 * version the answer gave), refused with a 4xx, or left without an answer when the client gave up.
 */
final class Ledger {

    /** A write acknowledged: {@code path} reads the entity back, which must hold at least {@code version}. */
    record Ack(String kind, String path, long version, long sentAtNanos, long ackedAtNanos) {
    }

    record Refusal(String kind, int status, String detail, long atNanos) {
    }

    record Unanswered(String kind, String path, long atNanos) {
    }

    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Refusal> refusals = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Unanswered> unanswered = new ConcurrentLinkedQueue<>();

    void acknowledged(String kind, String path, long version, long sentAtNanos) {
        acks.add(new Ack(kind, path, version, sentAtNanos, System.nanoTime()));
    }

    void refused(String kind, int status, String detail) {
        refusals.add(new Refusal(kind, status, detail, System.nanoTime()));
    }

    void unanswered(String kind, String path) {
        unanswered.add(new Unanswered(kind, path, System.nanoTime()));
    }

    /** Writes acknowledged from {@code fromNanos} on. */
    List<Ack> acksSince(long fromNanos) {
        return acks.stream().filter(ack -> ack.ackedAtNanos() >= fromNanos).toList();
    }

    List<Refusal> refusalsSince(long fromNanos) {
        return refusals.stream().filter(refusal -> refusal.atNanos() >= fromNanos).toList();
    }

    List<Unanswered> unansweredSince(long fromNanos) {
        return unanswered.stream().filter(write -> write.atNanos() >= fromNanos).toList();
    }

    /**
     * When every kind of write succeeded again: for each of {@code kinds}, the first acknowledgement of a write of that
     * kind first sent at or after {@code fromNanos}; the latest of them. A fault of one service stops only its kinds.
     */
    OptionalLong everyKindAcknowledgedSince(long fromNanos, Set<String> kinds) {
        Map<String, Long> firstByKind = new TreeMap<>();
        acks.stream().filter(ack -> ack.sentAtNanos() >= fromNanos && kinds.contains(ack.kind()))
                .forEach(ack -> firstByKind.merge(ack.kind(), ack.ackedAtNanos(), Math::min));
        return firstByKind.values().stream().mapToLong(Long::longValue).max();
    }

    /** Acknowledged writes by kind, for the summary. */
    Map<String, Long> acksByKind() {
        Map<String, Long> byKind = new TreeMap<>();
        acks.forEach(ack -> byKind.merge(ack.kind(), 1L, Long::sum));
        return byKind;
    }
}
