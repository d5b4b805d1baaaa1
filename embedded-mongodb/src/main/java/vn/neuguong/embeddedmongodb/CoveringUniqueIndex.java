package vn.neuguong.embeddedmongodb;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * A unique index (the {@code _id} index included) that also serves queries with conditions beyond its keys, as
 * MongoDB does: mongo-java-server only uses a unique index when the query names exactly its keys, so
 * {@code {_id: x, version: 3}} — every optimistic-concurrency update — scanned the whole collection. The lookup uses
 * the keys; the collection matches the found document against the whole query.
 */
final class CoveringUniqueIndex<P> extends Index<P> {

    private final Index<P> unique;

    CoveringUniqueIndex(Index<P> unique, List<IndexKey> keys, boolean sparse) {
        super(unique.getName(), keys, sparse);
        this.unique = unique;
    }

    @Override
    public boolean canHandle(Document query) {
        if (unique.canHandle(query)) {
            return true;
        }
        Document keysOnly = keysOnly(query);
        return keysOnly != null && unique.canHandle(keysOnly);
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return unique.canHandle(query) ? unique.getPositions(query) : unique.getPositions(keysOnly(query));
    }

    private Document keysOnly(Document query) {
        Document pinned = PinnedConditions.of(query);
        Document keysOnly = new Document();
        for (IndexKey key : getKeys()) {
            if (!pinned.containsKey(key.getKey())) {
                return null;
            }
            keysOnly.put(key.getKey(), pinned.get(key.getKey()));
        }
        return keysOnly;
    }

    @Override
    public P getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        unique.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return unique.remove(document);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        if (!IndexedFields.unchanged(getKeys(), oldDocument, newDocument)) {
            unique.checkUpdate(oldDocument, newDocument, collection);
        }
    }

    /** Unchanged keys stay where they are, as the library decides after computing them. */
    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        if (!IndexedFields.unchanged(getKeys(), oldDocument, newDocument)) {
            unique.updateInPlace(oldDocument, newDocument, position, collection);
        }
    }

    @Override
    public void drop() {
        unique.drop();
    }

    @Override
    public boolean isUnique() {
        return true;
    }
}
