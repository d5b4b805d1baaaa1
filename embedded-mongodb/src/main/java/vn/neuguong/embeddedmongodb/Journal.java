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
 * {@code segmentBytes}. Sealed segments are merged in the background into a checkpoint {@code checkpoint-<n>.log}
 * that holds only the latest put of every document live after segment {@code n}; a clean {@link #close(LiveDocuments)}
 * writes one of every live document, so the next start reads each document once. A checkpoint takes the place of
 * segment {@code n} and everything before it the moment it is renamed into place, so whatever a crash leaves (the
 * older files not yet deleted, a half-written {@code .compacting} file) replays to the same documents.
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

    /**
     * Every document alive, as the puts that lead to it: what a checkpoint holds, whether taken from memory at a clean
     * stop or from the files a compaction merges.
     */
    @FunctionalInterface
    interface LiveDocuments {
        void forEach(Consumer<Change> put) throws IOException;
    }

    /** A record read back, with its offset in its file. */
    @FunctionalInterface
    private interface RecordReader {
        void accept(Change change, long offset);
    }

    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{12})\\.log");
    private static final Pattern CHECKPOINT = Pattern.compile("checkpoint-(\\d{12})\\.log");
    private static final int HEADER_BYTES = 8;
    /** Files are read this much at a time (a record larger than this is read whole). */
    private static final int READ_BYTES = 4 << 20;
    private static final int WRITE_BYTES = 1 << 20;
    private static final byte[] V = {'v', 0};

    private final Path directory;
    private final long segmentBytes;
    private final ExecutorService compactor;

    /** Records appended but not yet written; guarded by {@code this}. */
    private ByteBuf pending = Unpooled.buffer(64 * 1024);
    private long appended;
    private volatile long durable;
    private volatile IOException failure;

    /** The active segment and the sealed files before it (a checkpoint only first); guarded by {@code syncLock}. */
    private final Object syncLock = new Object();
    private FileChannel active;
    private long activeSequence;
    private final List<Path> sealed = new ArrayList<>();
    private boolean compacting;
    /** Set by close: a background compaction stops where it is. */
    private volatile boolean closing;

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
            List<Path> files = journal.deleteSuperseded();
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                boolean last = i == files.size() - 1;
                read(file, last && SEGMENT.matcher(file.getFileName().toString()).matches(),
                        (change, offset) -> replay.accept(change));
            }
            journal.sealed.addAll(files);
            long next = files.isEmpty() ? 1 : sequence(files.get(files.size() - 1)) + 1;
            synchronized (journal.syncLock) {
                journal.startSegment(next);
                journal.compactIfWorthIt();
            }
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the journal in " + directory, e);
        }
    }

    /**
     * Deletes what the newest checkpoint replaced (left by a crash before the deletes) and returns the files to
     * replay, oldest first: that checkpoint, if any, and the segments after it.
     */
    private List<Path> deleteSuperseded() throws IOException {
        List<Long> checkpoints = sequences(directory, CHECKPOINT);
        long base = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1);
        List<Path> files = new ArrayList<>();
        List<Path> superseded = new ArrayList<>();
        for (long sequence : checkpoints) {
            (sequence == base ? files : superseded).add(checkpoint(sequence));
        }
        for (long sequence : sequences(directory, SEGMENT)) {
            (sequence > base ? files : superseded).add(segment(sequence));
        }
        for (Path file : superseded) {
            Files.delete(file);
        }
        if (!superseded.isEmpty()) {
            forceDirectory();
        }
        return files;
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
                    sealed.add(segment(activeSequence));
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

    /** Writes what was appended and closes the files; see also {@link #close(LiveDocuments)}. */
    @Override
    public void close() {
        try {
            awaitDurable();
        } finally {
            stopCompacting();
            synchronized (syncLock) {
                closeActive();
            }
        }
    }

    /**
     * Writes what was appended, then a checkpoint of {@code live} — which must be every document the journal replays
     * to, nothing changing any more — in place of every file, so that the next start reads each live document once
     * instead of every version the segments hold. Should the checkpoint fail, the journal stays as it was.
     */
    void close(LiveDocuments live) {
        boolean written = false;
        try {
            awaitDurable();
            written = true;
        } finally {
            stopCompacting();
            synchronized (syncLock) {
                closeActive();
                if (written && failure == null) {
                    writeCheckpoint(live);
                }
            }
        }
    }

    private void stopCompacting() {
        closing = true;
        compactor.shutdown();
        try {
            compactor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeActive() {
        try {
            active.close();
        } catch (IOException e) {
            log.warn("Could not close the journal segment {}", activeSequence, e);
        }
    }

    /** Called with {@code syncLock} held, once the active segment is closed and nothing is being compacted. */
    private void writeCheckpoint(LiveDocuments live) {
        long started = System.nanoTime();
        List<Path> replaced = new ArrayList<>(sealed);
        replaced.add(segment(activeSequence));
        Path checkpoint = checkpoint(activeSequence);
        Path unfinished = unfinished(checkpoint);
        try {
            long documents = write(unfinished, live);
            replace(unfinished, checkpoint, replaced);
            log.info("Journal checkpoint {} written: {} documents, {} bytes, in place of {} files, in {} ms",
                    checkpoint.getFileName(), documents, Files.size(checkpoint), replaced.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not write the journal checkpoint; the journal stays as it is", e);
            deleteQuietly(unfinished);
        }
    }

    /** Writes every put {@code live} hands over into the new file {@code file}, forced to disk; returns how many. */
    private static long write(Path file, LiveDocuments live) throws IOException {
        long[] written = {0};
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuf buffer = Unpooled.buffer(2 * WRITE_BYTES);
            try {
                live.forEach(put -> {
                    written[0]++;
                    frame(put, buffer);
                    if (buffer.readableBytes() > WRITE_BYTES) {
                        drain(buffer, out);
                    }
                });
                drain(buffer, out);
            } finally {
                buffer.release();
            }
            out.force(true);
        }
        return written[0];
    }

    /**
     * Renames the finished {@code unfinished} file into place, which replaces {@code replaced} at once (a start
     * ignores and deletes them), then deletes them.
     */
    private void replace(Path unfinished, Path checkpoint, List<Path> replaced) throws IOException {
        Files.move(unfinished, checkpoint, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory();
        for (Path file : replaced) {
            Files.deleteIfExists(file);
        }
        forceDirectory();
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

    private Path checkpoint(long sequence) {
        return directory.resolve(String.format("checkpoint-%012d.log", sequence));
    }

    private static Path unfinished(Path file) {
        return file.resolveSibling(file.getFileName() + ".compacting");
    }

    private static long sequence(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(name.indexOf('-') + 1, name.indexOf('.')));
    }

    /**
     * Merges the sealed segments once those written since the last merge hold at least as many bytes as its result;
     * called with {@code syncLock} held. Merging whenever two segments were sealed re-read and rewrote the whole
     * database for every new segment, a cost that grew with the data (55 % of the local stack's CPU at 120,000
     * pledges); this way each byte is rewritten a logarithmic number of times, and the journal stays under about twice
     * its live size plus one segment.
     */
    private void compactIfWorthIt() {
        if (compacting || closing || sealed.size() < 2) {
            return;
        }
        long merged = size(sealed.get(0));
        long since = 0;
        for (Path file : sealed.subList(1, sealed.size())) {
            since += size(file);
        }
        if (since < merged) {
            return;
        }
        compacting = true;
        List<Path> files = List.copyOf(sealed);
        compactor.execute(() -> compact(files));
    }

    /**
     * Writes the latest put of every document still alive after {@code files} into a checkpoint that replaces them
     * all at once, then deletes them: whatever a crash leaves, replaying what remains in order gives the same
     * documents.
     */
    private void compact(List<Path> files) {
        Path checkpoint = checkpoint(sequence(files.get(files.size() - 1)));
        Path merged = unfinished(checkpoint);
        try {
            Map<String, Map<Object, Long>> latest = new HashMap<>();
            for (int index = 0; index < files.size(); index++) {
                int fileIndex = index;
                read(files.get(index), false, (change, offset) -> {
                    stopIfClosing();
                    String namespace = change.database() + "." + change.collection();
                    switch (change.kind()) {
                        case PUT -> latest.computeIfAbsent(namespace, n -> new HashMap<>())
                                .put(change.key(), location(fileIndex, offset));
                        case DELETE -> {
                            Map<Object, Long> keys = latest.get(namespace);
                            if (keys != null) {
                                keys.remove(change.key());
                            }
                        }
                        case DROP -> latest.remove(namespace);
                    }
                });
            }
            write(merged, put -> {
                for (int index = 0; index < files.size(); index++) {
                    int fileIndex = index;
                    read(files.get(index), false, (change, offset) -> {
                        stopIfClosing();
                        Map<Object, Long> keys = latest.get(change.database() + "." + change.collection());
                        Long live = keys == null ? null : keys.get(change.key());
                        if (change.kind() == Kind.PUT && live != null && live == location(fileIndex, offset)) {
                            put.accept(change);
                        }
                    });
                }
            });
            replace(merged, checkpoint, files);
            synchronized (syncLock) {
                sealed.removeAll(files);
                sealed.add(0, checkpoint);
                compacting = false;
                compactIfWorthIt();
            }
            log.info("Journal files {}..{} compacted into {} ({} bytes)", files.get(0).getFileName(),
                    files.get(files.size() - 1).getFileName(), checkpoint.getFileName(), Files.size(checkpoint));
        } catch (Closing e) {
            deleteQuietly(merged);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not compact the journal files {}; they stay as they are", files, e);
            deleteQuietly(merged);
            synchronized (syncLock) {
                compacting = false;
            }
        }
    }

    /** Ends a background compaction once the journal closes. */
    private static final class Closing extends RuntimeException {
        Closing() {
            super(null, null, false, false);
        }
    }

    private void stopIfClosing() {
        if (closing) {
            throw new Closing();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the next start deletes it
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
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

    private static void drain(ByteBuf buffer, FileChannel out) {
        ByteBuffer bytes = buffer.nioBuffer();
        try {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.clear();
    }

    /**
     * Hands every record of {@code file} to {@code reader}, with its offset, reading the file in large chunks. A bad
     * record ends the last segment (it is cut off there) and is an error in any other file.
     */
    private static void read(Path file, boolean mayBeTorn, RecordReader reader) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            Chunks chunks = new Chunks(in);
            long position = 0;
            while (position < chunks.size) {
                int length = chunks.holds(position, HEADER_BYTES) ? chunks.intAt(position) : -1;
                boolean whole = length > 0 && chunks.holds(position, HEADER_BYTES + length);
                if (!whole || !chunks.checksumMatches(position, length)) {
                    if (!mayBeTorn) {
                        throw new IOException("The journal file " + file + " is damaged at byte " + position);
                    }
                    log.warn("The journal segment {} ends with an incomplete record at byte {} (a crash while it was"
                            + " written, never acknowledged); cutting it off", file, position);
                    in.truncate(position);
                    in.force(true);
                    return;
                }
                reader.accept(change(chunks.record(position, length)), position);
                position += HEADER_BYTES + length;
            }
        }
    }

    /** A file read sequentially through one large buffer, refilled (or grown, for a larger record) as needed. */
    private static final class Chunks {

        private final FileChannel in;
        private final long size;
        private ByteBuffer buffer = ByteBuffer.allocate(READ_BYTES).order(ByteOrder.LITTLE_ENDIAN).limit(0);
        /** The file offset of the buffer's first byte. */
        private long start;

        Chunks(FileChannel in) throws IOException {
            this.in = in;
            this.size = in.size();
        }

        /** Whether the file has {@code length} bytes from {@code position}; they are in the buffer if so. */
        boolean holds(long position, int length) throws IOException {
            if (length < 0 || position + length > size) { // negative: a damaged length overflowed
                return false;
            }
            int from = (int) (position - start);
            if (from + length <= buffer.limit()) {
                return true;
            }
            buffer.position(from);
            ByteBuffer refilled = length <= buffer.capacity() ? buffer.compact()
                    : ByteBuffer.allocate(Math.max(length, 2 * buffer.capacity())).order(ByteOrder.LITTLE_ENDIAN)
                            .put(buffer);
            start = position;
            while (refilled.position() < length && in.read(refilled, start + refilled.position()) > 0) {
                // reads until the record is in, as much as fits
            }
            buffer = refilled.flip();
            return buffer.limit() >= length;
        }

        int intAt(long position) {
            return buffer.getInt((int) (position - start));
        }

        boolean checksumMatches(long position, int length) {
            CRC32C crc = new CRC32C();
            crc.update(buffer.array(), (int) (position - start) + HEADER_BYTES, length);
            return (int) crc.getValue() == buffer.getInt((int) (position - start) + 4);
        }

        ByteBuf record(long position, int length) {
            return Unpooled.wrappedBuffer(buffer.array(), (int) (position - start) + HEADER_BYTES, length);
        }
    }

    /** Decodes a record's fields, but not its document, whose bytes are copied as they are. */
    private static Change change(ByteBuf record) {
        int end = record.readerIndex() + record.readIntLE() - 1;
        Kind kind = null;
        String database = null;
        String collection = null;
        Object key = null;
        byte[] document = null;
        while (record.readerIndex() < end) {
            byte type = record.readByte();
            String name = BsonDecoder.decodeCString(record);
            switch (name) {
                case "t" -> kind = Kind.values()[((Number) BsonDecoder.decodeValue(type, record)).intValue()];
                case "d" -> database = (String) BsonDecoder.decodeValue(type, record);
                case "c" -> collection = (String) BsonDecoder.decodeValue(type, record);
                case "k" -> key = BsonDecoder.decodeValue(type, record);
                case "v" -> {
                    document = new byte[record.getIntLE(record.readerIndex())];
                    record.readBytes(document);
                }
                default -> BsonDecoder.decodeValue(type, record);
            }
        }
        return new Change(kind, database, collection, key, document);
    }

    private static List<Long> sequences(Path directory, Pattern names) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> names.matcher(file.getFileName().toString()))
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
