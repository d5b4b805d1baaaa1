package vn.neuguong.embeddedmongodb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class JournalTest {

    private static final List<String> COLLECTIONS = List.of("pledges", "outbox", "units");

    @TempDir
    Path directory;

    /** Copies of the journal, as a crash would have left it. */
    @TempDir
    Path copies;

    @Test
    void replayingTheJournalGivesTheStateTheChangesLedToThroughRotationsCompactionsAndRestarts() {
        Map<String, Map<Object, Document>> model = new HashMap<>();
        Random random = new Random(7);
        for (int run = 0; run < 4; run++) {
            Journal.Recovered recovered = new Journal.Recovered();
            Journal journal = Journal.open(directory, 16 * 1024, recovered);
            assertThat(state(recovered)).isEqualTo(withoutEmpty(model));
            for (int i = 0; i < 3_000; i++) {
                change(journal, model, random);
                if (i % 50 == 0) {
                    journal.awaitDurable();
                }
            }
            journal.close();
        }
        Journal.Recovered recovered = new Journal.Recovered();
        Journal.open(directory, 16 * 1024, recovered).close();
        assertThat(state(recovered)).isEqualTo(withoutEmpty(model));
    }

    @Test
    void compactionKeepsTheFilesNearTheSizeOfTheLiveDocuments() throws IOException {
        Journal journal = Journal.open(directory, 4 * 1024, new Journal.Recovered());
        Document document = new Document("_id", "p-1").append("text", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh");
        for (int version = 0; version < 1_500; version++) {
            journal.put("neuguong_pledges", "pledges", "p-1", Bson.encode(document.append("version", version)));
            journal.awaitDurable();
        }
        await().untilAsserted(() -> assertThat(journalBytes()).isLessThan(32 * 1024));
        journal.close();

        Journal.Recovered recovered = new Journal.Recovered();
        Journal.open(directory, 4 * 1024, recovered).close();
        assertThat(Bson.decode(recovered.take("neuguong_pledges").get("pledges").get("p-1")))
                .containsEntry("version", 1_499);
    }

    @Test
    void aRecordTornByACrashIsCutOffAndTheRestIsKept() throws IOException {
        Journal journal = Journal.open(directory, 1 << 20, new Journal.Recovered());
        journal.put("db", "pledges", "a", Bson.encode(new Document("_id", "a")));
        journal.put("db", "pledges", "b", Bson.encode(new Document("_id", "b")));
        journal.awaitDurable();
        journal.close();
        Path segment = newestSegment();
        long size = Files.size(segment);
        try (var channel = Files.newByteChannel(segment, StandardOpenOption.WRITE)) {
            channel.truncate(size - 3);
        }

        Journal.Recovered recovered = new Journal.Recovered();
        Journal reopened = Journal.open(directory, 1 << 20, recovered);
        reopened.put("db", "pledges", "c", Bson.encode(new Document("_id", "c")));
        reopened.awaitDurable();
        reopened.close();
        assertThat(recovered.take("db").get("pledges")).containsOnlyKeys("a");

        Journal.Recovered again = new Journal.Recovered();
        Journal.open(directory, 1 << 20, again).close();
        assertThat(again.take("db").get("pledges")).containsOnlyKeys("a", "c");
    }

    @Test
    void aCheckpointAtCloseReplaysToTheSameDocumentsWhereverACrashInterruptsIt() throws IOException {
        Map<String, Map<Object, Document>> model = new HashMap<>();
        Random random = new Random(11);
        Journal journal = Journal.open(directory, 16 * 1024, new Journal.Recovered());
        for (int i = 0; i < 3_000; i++) {
            change(journal, model, random);
            if (i % 50 == 0) {
                journal.awaitDurable();
            }
        }
        journal.close();
        Path beforeCheckpoint = copy(directory, copies.resolve("before-checkpoint"));

        Journal reopened = Journal.open(directory, 16 * 1024, new Journal.Recovered());
        reopened.close(put -> model.forEach((collection, documents) -> documents.forEach((key, document) ->
                put.accept(new Journal.Change(Journal.Kind.PUT, "db", collection, key, Bson.encode(document))))));
        List<Path> files = files(directory);
        assertThat(files).singleElement().asString().endsWith(".log").contains("checkpoint-");
        Path checkpoint = files.get(0);
        assertThat(state(directory)).isEqualTo(withoutEmpty(model));

        // killed while the checkpoint was written: the segments are all there, the checkpoint unfinished
        Path whileWriting = copy(beforeCheckpoint, copies.resolve("while-writing"));
        byte[] bytes = Files.readAllBytes(checkpoint);
        Files.write(whileWriting.resolve(checkpoint.getFileName() + ".compacting"),
                java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(state(whileWriting)).isEqualTo(withoutEmpty(model));

        // killed after the checkpoint was renamed into place, before the files it replaced were deleted
        Path whileDeleting = copy(beforeCheckpoint, copies.resolve("while-deleting"));
        Files.copy(checkpoint, whileDeleting.resolve(checkpoint.getFileName()));
        assertThat(state(whileDeleting)).isEqualTo(withoutEmpty(model));
        assertThat(files(whileDeleting)).hasSize(2); // the checkpoint and the new active segment
    }

    @Test
    void aBackgroundCompactionBesideTheFilesItReplacedReplaysToTheSameDocuments() throws IOException {
        Journal journal = Journal.open(directory, 1 << 20, new Journal.Recovered());
        journal.put("db", "pledges", "a", Bson.encode(new Document("_id", "a")));
        journal.put("db", "outbox", "e", Bson.encode(new Document("_id", "e")));
        journal.awaitDurable();
        journal.close();
        Journal second = Journal.open(directory, 1 << 20, new Journal.Recovered());
        second.delete("db", "outbox", "e");
        second.put("db", "pledges", "b", Bson.encode(new Document("_id", "b")));
        second.awaitDurable();
        second.close();
        Path beforeCompaction = copy(directory, copies.resolve("before-compaction"));
        List<Path> segments = files(beforeCompaction);
        assertThat(segments).hasSize(2);

        // a compaction of the first two segments, renamed into place, its inputs not deleted yet: the deleted
        // outbox document must not come back from the first segment
        String newest = segments.get(1).getFileName().toString();
        Files.write(beforeCompaction.resolve(newest.replace("journal-", "checkpoint-")),
                compactionOf(segments.subList(0, 2)));
        Journal.Recovered recovered = new Journal.Recovered();
        Journal.open(beforeCompaction, 1 << 20, recovered).close();
        Map<String, Map<Object, byte[]>> state = recovered.take("db");
        assertThat(state.get("pledges")).containsOnlyKeys("a", "b");
        assertThat(state.getOrDefault("outbox", Map.of())).isEmpty();
    }

    /** What a compaction writes for {@code segments}: the latest put of each live document. */
    private byte[] compactionOf(List<Path> segments) throws IOException {
        Path only = copies.resolve("compaction");
        Files.createDirectories(only);
        for (Path segment : segments) {
            Files.copy(segment, only.resolve(segment.getFileName()));
        }
        Journal.Recovered recovered = new Journal.Recovered();
        Journal.open(only, 1 << 20, recovered).close();
        Path written = copies.resolve("compaction-written");
        Journal journal = Journal.open(written, 1 << 20, new Journal.Recovered());
        journal.close(put -> recovered.take("db").forEach((collection, documents) -> documents.forEach(
                (key, document) -> put.accept(new Journal.Change(Journal.Kind.PUT, "db", collection, key, document)))));
        return Files.readAllBytes(files(written).get(0));
    }

    private static Map<String, Map<Object, Document>> state(Path directory) {
        Journal.Recovered recovered = new Journal.Recovered();
        Journal.open(directory, 16 * 1024, recovered).close();
        return state(recovered);
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (Path file : files(from)) {
            Files.copy(file, to.resolve(file.getFileName()));
        }
        return to;
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> Files.isRegularFile(file)).sorted().toList();
        }
    }

    private static void change(Journal journal, Map<String, Map<Object, Document>> model, Random random) {
        String collection = COLLECTIONS.get(random.nextInt(COLLECTIONS.size()));
        Object key = random.nextBoolean() ? (Object) ("k" + random.nextInt(40)) : Integer.valueOf(random.nextInt(40));
        int dice = random.nextInt(100);
        if (dice < 70) {
            Document document = new Document("_id", key).append("n", random.nextInt()).append("tags",
                    List.of("Đảng viên", "chi bộ " + random.nextInt(9)));
            journal.put("db", collection, key, Bson.encode(document));
            model.computeIfAbsent(collection, c -> new HashMap<>()).put(key, document.cloneDeeply());
        } else if (dice < 98) {
            journal.delete("db", collection, key);
            Map<Object, Document> documents = model.get(collection);
            if (documents != null) {
                documents.remove(key);
            }
        } else {
            journal.drop("db", collection);
            model.remove(collection);
        }
    }

    private static Map<String, Map<Object, Document>> state(Journal.Recovered recovered) {
        Map<String, Map<Object, Document>> state = new HashMap<>();
        recovered.take("db").forEach((collection, documents) -> {
            Map<Object, Document> decoded = new HashMap<>();
            documents.forEach((key, bson) -> decoded.put(key, Bson.decode(bson)));
            state.put(collection, decoded);
        });
        return withoutEmpty(state);
    }

    /** A collection whose documents were all deleted is not written again by a compaction. */
    private static Map<String, Map<Object, Document>> withoutEmpty(Map<String, Map<Object, Document>> state) {
        Map<String, Map<Object, Document>> copy = new HashMap<>(state);
        copy.values().removeIf(Map::isEmpty);
        return copy;
    }

    private long journalBytes() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            long total = 0;
            for (Path file : files.toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private Path newestSegment() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> segments = new ArrayList<>(files.filter(f -> f.toString().endsWith(".log")).sorted().toList());
            return segments.get(segments.size() - 1);
        }
    }
}
