package vn.neuguong.embeddedmongodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-ahead journal of the embedded server: every change of a document (put, delete, dropped collection) is
 * appended, and {@link #awaitDurable()} writes and forces everything appended so far to disk before the server
 * answers. Callers that arrive while another forces the file wait for it and are usually covered by it (group
 * commit), which is how MongoDB's journal makes {@code j: true} affordable.
 *
 * <p>The journal is a sequence of segment files {@code journal-<n>.log}; the active one is rotated when it passes
 * {@code segmentBytes}. Sealed segments are merged in the background into one that holds only the latest put of
 * every live document, so the files stay near the size of the data and a restart reads each document about once.
 *
 * <p>A record is {@code [length][CRC32C][BSON {t, d, c, k, v}]}, {@code v} last: the document's own BSON is written
 * and read back as it is, never decoded here. A torn record at the end of the last segment (a
 * crash while writing) is cut off at recovery; it was never acknowledged.
 */
final class Journal implements AutoCloseable {

    enum Kind { PUT, DELETE, DROP }

    /**
     * One change as the journal replays it: {@code document} is the document's BSON, kept as read. {@code key} and
     * {@code document} are null for a dropped collection.
     */
    record Change(Kind kind, String database, String collection, Object key, byte[] document) {
    }

    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{12})\\.log");
    private static final int HEADER_BYTES = 8;
    private static final byte[] V = {'v', 0};

    private final Path directory;
    private final long segmentBytes;
    private final ExecutorService compactor;

    /** Records appended but not yet written; guarded by {@code this}. */
    private ByteBuf pending = Unpooled.buffer(64 * 1024);
    private long appended;
    private volatile long durable;
    private volatile IOException failure;

    /** The active segment and the sealed ones; guarded by {@code syncLock}. */
    private final Object syncLock = new Object();
    private FileChannel active;
    private long activeSequence;
    private final List<Long> sealed = new ArrayList<>();
    private boolean compacting;

    private Journal(Path directory, long segmentBytes) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.compactor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-mongodb-journal-compactor");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
    }

    /**
     * Opens the journal in {@code directory}, hands every recorded change in order to {@code replay}, and starts a
     * new active segment.
     */
    static Journal open(Path directory, long segmentBytes, Consumer<Change> replay) {
        try {
            Files.createDirectories(directory);
            deleteUnfinishedCompactions(directory);
            Journal journal = new Journal(directory, segmentBytes);
            List<Long> segments = segments(directory);
            for (int i = 0; i < segments.size(); i++) {
                boolean last = i == segments.size() - 1;
                read(journal.segment(segments.get(i)), last, replay);
            }
            journal.sealed.addAll(segments);
            long next = segments.isEmpty() ? 1 : segments.get(segments.size() - 1) + 1;
            synchronized (journal.syncLock) {
                journal.startSegment(next);
                journal.compactIfWorthIt();
            }
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the journal in " + directory, e);
        }
    }

    /** @return the journal's position after the change: what {@link #awaitDurable(long)} waits for */
    long put(String database, String collection, Object key, byte[] document) {
        return append(Kind.PUT, database, collection, key, document);
    }

    long delete(String database, String collection, Object key) {
        return append(Kind.DELETE, database, collection, key, null);
    }

    long drop(String database, String collection) {
        return append(Kind.DROP, database, collection, null, null);
    }

    /** Returns once everything appended so far is on disk; throws if the journal cannot be written. */
    void awaitDurable() {
        long target;
        synchronized (this) {
            target = appended;
        }
        awaitDurable(target);
    }

    /** Returns once the journal is on disk up to {@code target}; throws if the journal cannot be written. */
    void awaitDurable(long target) {
        if (durable >= target) {
            return;
        }
        synchronized (syncLock) {
            failIfBroken();
            if (durable >= target) {
                return;
            }
            ByteBuf batch;
            long upTo;
            synchronized (this) {
                batch = pending;
                upTo = appended;
                pending = Unpooled.buffer(Math.max(64 * 1024, batch.readableBytes()));
            }
            try {
                ByteBuffer bytes = batch.nioBuffer();
                while (bytes.hasRemaining()) {
                    active.write(bytes);
                }
                active.force(false);
                durable = upTo;
                if (active.size() >= segmentBytes) {
                    sealed.add(activeSequence);
                    active.close();
                    startSegment(activeSequence + 1);
                    compactIfWorthIt();
                }
            } catch (IOException e) {
                // what was appended may or may not be on disk: refuse everything from now on rather than guess
                failure = e;
                log.error("The journal in {} cannot be written; the embedded MongoDB refuses every command until it"
                        + " is restarted", directory, e);
                failIfBroken();
            } finally {
                batch.release();
            }
        }
    }

    @Override
    public void close() {
        try {
            awaitDurable();
        } finally {
            compactor.shutdown();
            try {
                compactor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (syncLock) {
                try {
                    active.close();
                } catch (IOException e) {
                    log.warn("Could not close the journal segment {}", activeSequence, e);
                }
            }
        }
    }

    private synchronized long append(Kind kind, String database, String collection, Object key, byte[] document) {
        appended += frame(new Change(kind, database, collection, key, document), pending);
        return appended;
    }

    private void failIfBroken() {
        if (failure != null) {
            throw new UncheckedIOException("The journal cannot be written", failure);
        }
    }

    private void startSegment(long sequence) throws IOException {
        activeSequence = sequence;
        active = FileChannel.open(segment(sequence), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        forceDirectory();
    }

    private Path segment(long sequence) {
        return directory.resolve(String.format("journal-%012d.log", sequence));
    }

    /**
     * Merges the sealed segments once those written since the last merge hold at least as many bytes as its result;
     * called with {@code syncLock} held. Merging whenever two segments were sealed re-read and rewrote the whole
     * database for every new segment, a cost that grew with the data (55 % of the local stack's CPU at 120,000
     * pledges); this way each byte is rewritten a logarithmic number of times, and the journal stays under about twice
     * its live size plus one segment.
     */
    private void compactIfWorthIt() {
        if (compacting || sealed.size() < 2) {
            return;
        }
        long merged = segmentSize(sealed.get(0));
        long since = 0;
        for (Long sequence : sealed.subList(1, sealed.size())) {
            since += segmentSize(sequence);
        }
        if (since < merged) {
            return;
        }
        compacting = true;
        List<Long> segments = List.copyOf(sealed);
        compactor.execute(() -> compact(segments));
    }

    /**
     * Writes the latest put of every document still alive after {@code segments} into one file that replaces the
     * newest of them, then deletes the older ones, oldest first: whatever a crash leaves, replaying what remains in
     * order gives the same documents.
     */
    private void compact(List<Long> segments) {
        long newest = segments.get(segments.size() - 1);
        Path merged = directory.resolve(segment(newest).getFileName() + ".compacting");
        try {
            Map<String, Map<Object, Long>> latest = new HashMap<>();
            for (Long sequence : segments) {
                long[] offset = {0};
                int index = segments.indexOf(sequence);
                read(segment(sequence), false, change -> {
                    String namespace = change.database() + "." + change.collection();
                    switch (change.kind()) {
                        case PUT -> latest.computeIfAbsent(namespace, n -> new HashMap<>())
                                .put(change.key(), location(index, offset[0]));
                        case DELETE -> {
                            Map<Object, Long> keys = latest.get(namespace);
                            if (keys != null) {
                                keys.remove(change.key());
                            }
                        }
                        case DROP -> latest.remove(namespace);
                    }
                }, offset);
            }
            try (FileChannel out = FileChannel.open(merged, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                for (int index = 0; index < segments.size(); index++) {
                    int segmentIndex = index;
                    long[] offset = {0};
                    ByteBuf buffer = Unpooled.buffer(1 << 20);
                    read(segment(segments.get(index)), false, change -> {
                        Map<Object, Long> keys = latest.get(change.database() + "." + change.collection());
                        Long live = keys == null ? null : keys.get(change.key());
                        if (change.kind() == Kind.PUT && live != null && live == location(segmentIndex, offset[0])) {
                            frame(change, buffer);
                            if (buffer.readableBytes() > (1 << 20)) {
                                try {
                                    drain(buffer, out);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            }
                        }
                    }, offset);
                    drain(buffer, out);
                    buffer.release();
                }
                out.force(true);
            }
            Files.move(merged, segment(newest), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory();
            for (Long sequence : segments.subList(0, segments.size() - 1)) {
                Files.delete(segment(sequence));
            }
            forceDirectory();
            synchronized (syncLock) {
                sealed.removeAll(segments.subList(0, segments.size() - 1));
                compacting = false;
                compactIfWorthIt();
            }
            log.info("Journal segments {}..{} compacted into {} ({} bytes)", segments.get(0), newest,
                    segment(newest).getFileName(), Files.size(segment(newest)));
        } catch (IOException | RuntimeException e) {
            log.warn("Could not compact the journal segments {}; they stay as they are", segments, e);
            try {
                Files.deleteIfExists(merged);
            } catch (IOException ignored) {
                // the next start deletes it
            }
            synchronized (syncLock) {
                compacting = false;
            }
        }
    }

    private long segmentSize(long sequence) {
        try {
            return Files.size(segment(sequence));
        } catch (IOException e) {
            return 0; // being replaced by a compaction: counts as nothing until it is there again
        }
    }

    private static long location(int segmentIndex, long offset) {
        return ((long) segmentIndex << 40) | offset;
    }

    /** Writes {@code change} as {@code [length][CRC32C][BSON]}; returns the bytes written. */
    private static int frame(Change change, ByteBuf buffer) {
        int start = buffer.writerIndex();
        buffer.writeIntLE(0).writeIntLE(0);
        Document record = new Document("t", change.kind().ordinal()).append("d", change.database())
                .append("c", change.collection());
        if (change.key() != null) {
            record.append("k", change.key());
        }
        BsonEncoder.encodeDocument(record, buffer);
        if (change.document() != null) {
            // the document's bytes as the element v, before the record's terminating byte
            buffer.writerIndex(buffer.writerIndex() - 1);
            buffer.writeByte(BsonConstants.TYPE_EMBEDDED_DOCUMENT).writeBytes(V).writeBytes(change.document())
                    .writeByte(BsonConstants.TERMINATING_BYTE);
            buffer.setIntLE(start + HEADER_BYTES, buffer.writerIndex() - start - HEADER_BYTES);
        }
        int length = buffer.writerIndex() - start - HEADER_BYTES;
        CRC32C crc = new CRC32C();
        crc.update(buffer.nioBuffer(start + HEADER_BYTES, length));
        buffer.setIntLE(start, length);
        buffer.setIntLE(start + 4, (int) crc.getValue());
        return HEADER_BYTES + length;
    }

    private static void drain(ByteBuf buffer, FileChannel out) throws IOException {
        ByteBuffer bytes = buffer.nioBuffer();
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
        buffer.clear();
    }

    private static void read(Path segment, boolean mayBeTorn, Consumer<Change> replay) throws IOException {
        read(segment, mayBeTorn, replay, new long[1]);
    }

    /**
     * Hands every record of {@code segment} to {@code replay}; {@code offset[0]} is the record's offset while it is
     * handed over. A bad record ends the last segment (it is cut off there) and is an error in any other.
     */
    private static void read(Path segment, boolean mayBeTorn, Consumer<Change> replay, long[] offset)
            throws IOException {
        try (FileChannel in = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = in.size();
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            long position = 0;
            while (position < size) {
                header.clear();
                int length = -1;
                int checksum = 0;
                if (size - position >= HEADER_BYTES) {
                    in.read(header, position);
                    header.flip();
                    length = header.getInt();
                    checksum = header.getInt();
                }
                ByteBuffer body = null;
                if (length > 0 && position + HEADER_BYTES + length <= size) {
                    body = ByteBuffer.allocate(length);
                    while (body.hasRemaining() && in.read(body, position + HEADER_BYTES + body.position()) > 0) {
                        // reads until the record is whole
                    }
                    body.flip();
                    CRC32C crc = new CRC32C();
                    crc.update(body.duplicate());
                    if ((int) crc.getValue() != checksum) {
                        body = null;
                    }
                }
                if (body == null) {
                    if (!mayBeTorn) {
                        throw new IOException("The journal segment " + segment + " is damaged at byte " + position);
                    }
                    log.warn("The journal segment {} ends with an incomplete record at byte {} (a crash while it was"
                            + " written, never acknowledged); cutting it off", segment, position);
                    in.truncate(position);
                    in.force(true);
                    return;
                }
                offset[0] = position;
                replay.accept(change(Unpooled.wrappedBuffer(body)));
                position += HEADER_BYTES + length;
            }
        }
    }

    /** Decodes a record's fields but its document, whose bytes are copied as they are. */
    private static Change change(ByteBuf record) {
        int end = record.readerIndex() + record.readIntLE() - 1;
        Document fields = new Document();
        byte[] document = null;
        while (record.readerIndex() < end) {
            byte type = record.readByte();
            String name = BsonDecoder.decodeCString(record);
            if (name.equals("v")) {
                document = new byte[record.getIntLE(record.readerIndex())];
                record.readBytes(document);
            } else {
                fields.put(name, BsonDecoder.decodeValue(type, record));
            }
        }
        Kind kind = Kind.values()[((Number) fields.get("t")).intValue()];
        return new Change(kind, (String) fields.get("d"), (String) fields.get("c"), fields.get("k"), document);
    }

    private static List<Long> segments(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> SEGMENT.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(matcher -> Long.parseLong(matcher.group(1)))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        }
    }

    private static void deleteUnfinishedCompactions(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".compacting")).toList()) {
                Files.delete(file);
            }
        }
    }

    private void forceDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // not every file system lets a directory be forced; the files themselves are
            log.debug("Could not force the directory {}", directory, e);
        }
    }

    /** The state the recorded changes lead to: database → collection → key → BSON document, in insertion order. */
    static final class Recovered implements Consumer<Change> {

        private final Map<String, Map<String, Map<Object, byte[]>>> databases = new LinkedHashMap<>();
        private long changes;

        @Override
        public void accept(Change change) {
            changes++;
            Map<String, Map<Object, byte[]>> collections =
                    databases.computeIfAbsent(change.database(), d -> new LinkedHashMap<>());
            switch (change.kind()) {
                case PUT -> collections.computeIfAbsent(change.collection(), c -> new LinkedHashMap<>())
                        .put(change.key(), change.document());
                case DELETE -> {
                    Map<Object, byte[]> documents = collections.get(change.collection());
                    if (documents != null) {
                        documents.remove(change.key());
                    }
                }
                case DROP -> collections.remove(change.collection());
            }
        }

        long changes() {
            return changes;
        }

        List<String> databases() {
            return List.copyOf(databases.keySet());
        }

        /** Hands the collections of {@code database} over (and forgets them). */
        Map<String, Map<Object, byte[]>> take(String database) {
            Map<String, Map<Object, byte[]>> collections = databases.remove(database);
            return collections == null ? Map.of() : collections;
        }
    }
}
