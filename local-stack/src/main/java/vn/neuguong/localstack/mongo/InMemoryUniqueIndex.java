package vn.neuguong.localstack.mongo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * A unique index held in memory and rebuilt from the documents when the database opens. The H2 backend's own
 * unique index keeps its keys in an H2 map that compares them by Java-serializing both sides on every step of
 * every lookup, which made each insert and keyed read cost milliseconds.
 */
final class InMemoryUniqueIndex<P> extends AbstractUniqueIndex<P> {

    private final Map<KeyValue, P> positions = new HashMap<>();

    InMemoryUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    protected synchronized P removeDocument(KeyValue key) {
        return positions.remove(key);
    }

    @Override
    protected synchronized boolean putKeyPosition(KeyValue key, P position) {
        return positions.putIfAbsent(key, position) == null;
    }

    @Override
    protected synchronized Iterable<Map.Entry<KeyValue, P>> getIterable() {
        return List.copyOf(positions.entrySet());
    }

    @Override
    protected synchronized P getPosition(KeyValue key) {
        return positions.get(key);
    }

    @Override
    public synchronized long getCount() {
        return positions.size();
    }

    @Override
    public long getDataSize() {
        return 0; // held in memory, not in the database's storage
    }

    @Override
    public synchronized void drop() {
        positions.clear();
        super.drop();
    }
}
