package vn.neuguong.aggregation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary format for the topology's own records — state stores, changelogs and the repartition topic —
 * which no one outside the topology reads. Changing it needs a new application id (a rebuild, ADR 0001): the
 * first byte is the format's version so that an old record is refused rather than misread.
 */
final class BinarySerdes {

    private static final byte FORMAT = 1;

    static final Serde<EntityState> ENTITY_STATE = serde(BinarySerdes::writeEntityState, BinarySerdes::readEntityState);
    static final Serde<UnitYearDelta> DELTA = serde(BinarySerdes::writeDelta, BinarySerdes::readDelta);
    static final Serde<UnitYearAggregate> AGGREGATE = serde(BinarySerdes::writeAggregate, BinarySerdes::readAggregate);

    private static void writeEntityState(EntityState state, DataOutputStream out) throws IOException {
        out.writeLong(state.version());
        out.writeInt(state.year());
        out.writeShort(state.unitPath().size());
        for (String unitId : state.unitPath()) {
            out.writeUTF(unitId);
        }
        writeCounters(state.counters(), out);
    }

    private static EntityState readEntityState(DataInputStream in) throws IOException {
        long version = in.readLong();
        int year = in.readInt();
        int pathSize = in.readShort();
        List<String> unitPath = new ArrayList<>(pathSize);
        for (int i = 0; i < pathSize; i++) {
            unitPath.add(in.readUTF());
        }
        return new EntityState(version, year, unitPath, readCounters(in));
    }

    private static void writeDelta(UnitYearDelta delta, DataOutputStream out) throws IOException {
        out.writeUTF(delta.unitId());
        out.writeInt(delta.year());
        writeCounters(delta.counters(), out);
        writeInstant(delta.eventTime(), out);
    }

    private static UnitYearDelta readDelta(DataInputStream in) throws IOException {
        return new UnitYearDelta(in.readUTF(), in.readInt(), readCounters(in), readInstant(in));
    }

    private static void writeAggregate(UnitYearAggregate aggregate, DataOutputStream out) throws IOException {
        out.writeUTF(aggregate.unitId());
        out.writeInt(aggregate.year());
        writeCounters(aggregate.counters(), out);
        writeInstant(aggregate.lastEventTime(), out);
        writeInstant(aggregate.asOf(), out);
    }

    private static UnitYearAggregate readAggregate(DataInputStream in) throws IOException {
        return new UnitYearAggregate(in.readUTF(), in.readInt(), readCounters(in), readInstant(in), readInstant(in));
    }

    private static void writeCounters(Map<String, Long> counters, DataOutputStream out) throws IOException {
        out.writeShort(counters.size());
        for (Map.Entry<String, Long> counter : counters.entrySet()) {
            out.writeUTF(counter.getKey());
            out.writeLong(counter.getValue());
        }
    }

    private static Map<String, Long> readCounters(DataInputStream in) throws IOException {
        int size = in.readShort();
        Map<String, Long> counters = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            counters.put(in.readUTF(), in.readLong());
        }
        return counters;
    }

    private static void writeInstant(Instant instant, DataOutputStream out) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    private interface Writer<T> {
        void write(T value, DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(FORMAT);
                writer.write(value, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                byte format = in.readByte();
                if (format != FORMAT) {
                    throw new IllegalStateException("Record format " + format + " is not " + FORMAT
                            + ": rebuild under a new application id");
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private BinarySerdes() {
    }
}
