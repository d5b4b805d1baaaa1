package vn.neuguong.embeddedmongodb;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code keep} of the items offered, in an order; ties keep the order they were offered in, as a stable
 * sort of them all would. Holds only those it keeps.
 */
final class FirstInOrder<T> {

    private final int keep;
    private final Comparator<Offered<T>> inOrder;
    /** The last of those kept first, to be dropped when a better one comes. */
    private final PriorityQueue<Offered<T>> kept;
    private long offered;

    FirstInOrder(int keep, Comparator<? super T> order) {
        this.keep = keep;
        this.inOrder = Comparator.<Offered<T>, T>comparing(Offered::item, order).thenComparingLong(Offered::sequence);
        this.kept = new PriorityQueue<>(keep + 1, inOrder.reversed());
    }

    void offer(T item) {
        Offered<T> next = new Offered<>(item, offered++);
        if (kept.size() < keep) {
            kept.add(next);
        } else if (inOrder.compare(next, kept.peek()) < 0) {
            kept.poll();
            kept.add(next);
        }
    }

    List<T> inOrder() {
        return kept.stream().sorted(inOrder).map(Offered::item).toList();
    }

    private record Offered<T>(T item, long sequence) {
    }
}
