package vn.neuguong.embeddedmongodb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Reads a few top-level fields of a stored document from its BSON bytes, stepping over the others without decoding
 * them: what a sorted query needs of each candidate to order it. A value read is decoded whole (a subdocument with
 * all its fields), so a comparison of dotted paths within it sees what it would see in the whole document.
 */
final class TopLevelFields {

    private final List<String> names;
    private final List<byte[]> encodedNames;

    TopLevelFields(Collection<String> names) {
        this.names = names.stream().distinct().toList();
        this.encodedNames = this.names.stream().map(name -> name.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** The fields of {@code bson} among the names, in the document's order; those it lacks are left out. */
    Document read(byte[] bson) {
        Document fields = new Document();
        ByteBuf values = null;
        int end = intAt(bson, 0) - 1;
        int at = 4;
        while (at < end && fields.size() < names.size()) {
            byte type = bson[at];
            int nameStart = at + 1;
            int nameEnd = nameStart;
            while (bson[nameEnd] != BsonConstants.STRING_TERMINATION) {
                nameEnd++;
            }
            at = nameEnd + 1;
            int wanted = wanted(bson, nameStart, nameEnd - nameStart);
            if (wanted >= 0) {
                if (values == null) {
                    values = Unpooled.wrappedBuffer(bson);
                }
                values.readerIndex(at);
                fields.put(names.get(wanted), BsonDecoder.decodeValue(type, values));
                at = values.readerIndex();
            } else {
                at = valueEnd(type, bson, at);
            }
        }
        return fields;
    }

    /** Which of the names the bytes spell, or -1. */
    private int wanted(byte[] bson, int start, int length) {
        for (int i = 0; i < encodedNames.size(); i++) {
            byte[] name = encodedNames.get(i);
            if (name.length == length && Arrays.equals(bson, start, start + length, name, 0, length)) {
                return i;
            }
        }
        return -1;
    }

    /** Where the value of {@code type} that starts at {@code at} ends. */
    private static int valueEnd(byte type, byte[] bson, int at) {
        return switch (type) {
            case BsonConstants.TYPE_UNDEFINED, BsonConstants.TYPE_NULL, BsonConstants.TYPE_MIN_KEY,
                 BsonConstants.TYPE_MAX_KEY -> at;
            case BsonConstants.TYPE_BOOLEAN -> at + 1;
            case BsonConstants.TYPE_INT32 -> at + 4;
            case BsonConstants.TYPE_DOUBLE, BsonConstants.TYPE_UTC_DATETIME, BsonConstants.TYPE_TIMESTAMP,
                 BsonConstants.TYPE_INT64 -> at + 8;
            case BsonConstants.TYPE_OBJECT_ID -> at + BsonConstants.LENGTH_OBJECTID;
            case BsonConstants.TYPE_DECIMAL128 -> at + 16;
            case BsonConstants.TYPE_UTF8_STRING, BsonConstants.TYPE_JAVASCRIPT_CODE -> at + 4 + intAt(bson, at);
            // the length of a document or an array counts its own four bytes
            case BsonConstants.TYPE_EMBEDDED_DOCUMENT, BsonConstants.TYPE_ARRAY -> at + intAt(bson, at);
            case BsonConstants.TYPE_DATA -> at + 4 + 1 + intAt(bson, at);
            default -> { // the others are read whole, as a decoding would
                ByteBuf value = Unpooled.wrappedBuffer(bson);
                value.readerIndex(at);
                BsonDecoder.decodeValue(type, value);
                yield value.readerIndex();
            }
        };
    }

    private static int intAt(byte[] bson, int at) {
        return (bson[at] & 0xff) | (bson[at + 1] & 0xff) << 8 | (bson[at + 2] & 0xff) << 16
                | (bson[at + 3] & 0xff) << 24;
    }
}
