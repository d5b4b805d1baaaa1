package vn.neuguong.embeddedmongodb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique (and multikey) index kept in memory, which mongo-java-server lacks: it ignores every secondary index,
 * so each query not pinned to a unique key scans and deserializes the whole collection. It serves queries that pin
 * its leading keys by equality or {@code $in} (at the top level or in {@code $and}) — every key by lookup, a prefix
 * by a pass over its distinct keys — and, when sparse, range queries on its first key; the collection still matches
 * each candidate against the whole query, so extra conditions stay exact. Rebuilt from the documents when the
 * database opens.
 */
final class SecondaryIndex<P> extends Index<P> {

    private static final String ID = "_id";
    private static final Set<String> RANGE_OPERATORS = Set.of("$lt", "$lte", "$gt", "$gte");

    /**
     * Per key, the position of its one document or, when several share it, their {@link Positions}: most keys of a
     * pledge's indexes list one document (a member's, a registration time's), and a set for each cost about 200
     * bytes more per key.
     */
    private final Map<KeyValue, Object> positionsByKey = new HashMap<>();
    private final Map<Object, P> positionsById = new HashMap<>();
    /** Documents indexed under no key (an empty array in a multikey field): a query on a prefix may match them. */
    private final Set<P> positionsWithoutKeys = new HashSet<>();

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        Document pinned = PinnedConditions.of(query);
        if (equalityValues(pinned.get(ID)) != null) {
            return false; // the _id index finds the few documents named; this one may list thousands
        }
        return pinnedKeys(pinned) > 0 || (isSparse() && excludesMissing(pinned.get(getKeys().get(0).getKey())));
    }

    /**
     * How the index would list the query's candidates, cheapest first: {@link Lookup#KEYS} when the query pins every
     * key, {@link Lookup#PREFIX} (a pass over every distinct key) when it pins the leading ones only.
     */
    synchronized Lookup lookupFor(Document query) {
        Document pinned = PinnedConditions.of(query);
        int pinnedKeys = pinnedKeys(pinned);
        return pinnedKeys == getKeys().size() ? Lookup.KEYS : pinnedKeys > 0 ? Lookup.PREFIX : Lookup.RANGE;
    }

    enum Lookup { KEYS, PREFIX, RANGE }

    /** How many of the index's keys, from the first, the query pins by equality or {@code $in}. */
    private int pinnedKeys(Document pinned) {
        int count = 0;
        for (IndexKey key : getKeys()) {
            if (equalityValues(pinned.get(key.getKey())) == null) {
                break;
            }
            count++;
        }
        return count;
    }

    /**
     * A range or {@code $exists: true} on the key: documents without the field cannot match, so a sparse index,
     * which holds only those with it (say, the few with pending outbox events), lists every candidate.
     */
    private static boolean excludesMissing(Object condition) {
        if (!(condition instanceof Document operators) || operators.isEmpty()) {
            return false;
        }
        for (String operator : operators.keySet()) {
            boolean range = RANGE_OPERATORS.contains(operator) && operators.get(operator) != null;
            boolean exists = operator.equals("$exists") && Boolean.TRUE.equals(operators.get(operator));
            if (!range && !exists) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Document pinned = PinnedConditions.of(query);
        int pinnedKeys = pinnedKeys(pinned);
        if (pinnedKeys == 0) {
            return inStorageOrder(new LinkedHashSet<>(positionsById.values()));
        }
        Set<P> positions = positionsUnder(pinned, pinnedKeys);
        if (pinnedKeys < getKeys().size()) {
            positions.addAll(positionsWithoutKeys);
        }
        return inStorageOrder(positions);
    }

    /**
     * The documents a query matches, when this index alone decides it: every condition of the query pins one of the
     * index's leading keys by equality or {@code $in}, once, and there is no other. Null when it does not.
     */
    synchronized Covered<P> covered(Document query) {
        Document conditions = new Document();
        if (!onlyEqualities(query, conditions)) {
            return null;
        }
        int pinnedKeys = pinnedKeys(conditions);
        if (pinnedKeys == 0 || pinnedKeys != conditions.size()) {
            return null;
        }
        Set<P> unindexed = pinnedKeys < getKeys().size() ? new HashSet<>(positionsWithoutKeys) : Set.of();
        return new Covered<>(positionsUnder(conditions, pinnedKeys), unindexed);
    }

    /**
     * What {@link #covered} found.
     *
     * @param matches   the documents listed under the pinned keys: each matches, however many of those keys list it
     * @param unindexed documents indexed under no key (an empty array in an unpinned key), which may match: only
     *                  reading them tells
     */
    record Covered<P>(Set<P> matches, Set<P> unindexed) {
    }

    /** False when the query has a condition other than a plain equality or {@code $in}, or two on one field. */
    private static boolean onlyEqualities(Document query, Document conditions) {
        for (String field : query.keySet()) {
            Object condition = query.get(field);
            if (field.equals("$and") && condition instanceof List<?> clauses && !clauses.isEmpty()) {
                for (Object clause : clauses) {
                    if (!(clause instanceof Document document) || !onlyEqualities(document, conditions)) {
                        return false;
                    }
                }
            } else if (field.startsWith("$") || conditions.containsKey(field) || equalityValues(condition) == null) {
                return false;
            } else {
                conditions.put(field, condition);
            }
        }
        return true;
    }

    /** The documents listed under a key whose first {@code pinnedKeys} values the conditions pin. */
    private Set<P> positionsUnder(Document pinned, int pinnedKeys) {
        List<List<Object>> tuples = List.of(List.of());
        for (IndexKey key : getKeys().subList(0, pinnedKeys)) {
            List<List<Object>> longer = new ArrayList<>();
            for (List<Object> tuple : tuples) {
                for (Object value : equalityValues(pinned.get(key.getKey()))) {
                    List<Object> extended = new ArrayList<>(tuple);
                    extended.add(value);
                    longer.add(extended);
                }
            }
            tuples = longer;
        }
        Set<P> positions = new LinkedHashSet<>();
        if (pinnedKeys == getKeys().size()) {
            for (List<Object> tuple : tuples) {
                addListed(positionsByKey.get(new KeyValue(tuple).normalized()), positions);
            }
        } else {
            Set<List<Object>> prefixes = new HashSet<>();
            for (List<Object> tuple : tuples) {
                prefixes.add(new KeyValue(tuple).normalized().stream().toList());
            }
            positionsByKey.forEach((key, listed) -> {
                if (prefixes.contains(key.stream().limit(pinnedKeys).toList())) {
                    addListed(listed, positions);
                }
            });
        }
        return positions;
    }

    /** The values a query condition pins the field to, or null when it is not a plain equality or {@code $in}. */
    private static List<Object> equalityValues(Object condition) {
        if (condition instanceof Document operators) {
            if (operators.size() != 1) {
                return null;
            }
            if (operators.containsKey("$eq")) {
                return plain(operators.get("$eq")) ? List.of(operators.get("$eq")) : null;
            }
            if (operators.get("$in") instanceof Collection<?> values && !values.isEmpty()
                    && values.stream().allMatch(SecondaryIndex::plain)) {
                return new ArrayList<>(values);
            }
            return null;
        }
        return plain(condition) ? List.of(condition) : null;
    }

    private static boolean plain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection)
                && !(value instanceof Pattern) && !(value instanceof BsonRegularExpression);
    }

    /** Natural order, as a scan would return the documents (callers that care sort anyway). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<P> inStorageOrder(Set<P> positions) {
        List<P> ordered = new ArrayList<>(positions);
        if (ordered.stream().allMatch(position -> position instanceof Comparable)
                && ordered.stream().map(Object::getClass).distinct().count() <= 1) {
            ordered.sort((a, b) -> ((Comparable) a).compareTo(b));
        }
        return ordered;
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        if (!indexes(document)) {
            return;
        }
        positionsById.put(document.get(ID), position);
        Set<KeyValue> keys = keysOf(document);
        if (keys.isEmpty()) {
            positionsWithoutKeys.add(position);
        }
        for (KeyValue key : keys) {
            positionsByKey.merge(key, position, SecondaryIndex::listedWith);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object listedWith(Object listed, Object added) {
        if (listed instanceof Positions<?> several) {
            ((Positions<Object>) several).add(added);
            return several;
        }
        if (listed.equals(added)) {
            return listed;
        }
        Positions<Object> several = new Positions<>();
        several.add(listed);
        several.add(added);
        return several;
    }

    /** What remains listed under a key once {@code position} is removed from it: null for nothing. */
    private static Object listedWithout(Object listed, Object position) {
        if (!(listed instanceof Positions<?> several)) {
            return listed.equals(position) ? null : listed;
        }
        several.remove(position);
        return several.size() == 1 ? several.iterator().next() : several;
    }

    @SuppressWarnings("unchecked")
    private void addListed(Object listed, Set<P> positions) {
        if (listed instanceof Positions<?> several) {
            positions.addAll((Positions<P>) several);
        } else if (listed != null) {
            positions.add((P) listed);
        }
    }

    /** The positions of the documents that share a key (a set of its own type, never taken for a position). */
    private static final class Positions<P> extends HashSet<P> {
    }

    /** The document as stored: its keys are computed again rather than kept, which halves the index's memory. */
    @Override
    public synchronized P remove(Document document) {
        P position = positionsById.remove(document.get(ID));
        if (position == null) {
            return null;
        }
        positionsWithoutKeys.remove(position);
        for (KeyValue key : keysOf(document)) {
            positionsByKey.computeIfPresent(key, (k, listed) -> listedWithout(listed, position));
        }
        return position;
    }

    private Set<KeyValue> keysOf(Document document) {
        Set<KeyValue> keys = new LinkedHashSet<>();
        for (KeyValue key : getKeyValues(document)) {
            keys.add(key.normalized());
        }
        return keys;
    }

    /** A sparse index leaves out the documents that have none of its keys. */
    private boolean indexes(Document document) {
        return !isSparse() || !getKeys().stream()
                .allMatch(key -> Missing.isNullOrMissing(Utils.getSubdocumentValue(document, key.getKey())));
    }

    /** Most updates leave an index's keys as they were (a transition's status, an outbox cleared): then nothing. */
    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
                                           MongoCollection<P> collection) {
        boolean sameId = Objects.equals(oldDocument.get(ID), newDocument.get(ID));
        if (sameId && IndexedFields.unchanged(getKeys(), oldDocument, newDocument)) {
            return; // listed, or left out when sparse, as it was
        }
        boolean indexed = position.equals(positionsById.get(oldDocument.get(ID)));
        if (indexed && indexes(newDocument) && sameId && keysOf(oldDocument).equals(keysOf(newDocument))) {
            return;
        }
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public synchronized P getPosition(Document document) {
        return positionsById.get(document.get(ID));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: nothing can conflict
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: nothing can conflict
    }

    @Override
    public synchronized long getCount() {
        return positionsById.size();
    }

    @Override
    public long getDataSize() {
        return 0; // held in memory, not in the database's storage
    }

    @Override
    public synchronized void drop() {
        positionsByKey.clear();
        positionsById.clear();
        positionsWithoutKeys.clear();
    }
}
