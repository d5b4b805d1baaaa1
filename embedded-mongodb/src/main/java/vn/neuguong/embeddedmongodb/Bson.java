package vn.neuguong.embeddedmongodb;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/** A document as the server stores it: its BSON bytes, as on the wire and in the journal. */
final class Bson {

    private Bson() {
    }

    static byte[] encode(Document document) {
        ByteBuf buffer = Unpooled.buffer(1024);
        try {
            BsonEncoder.encodeDocument(document, buffer);
            return ByteBufUtil.getBytes(buffer);
        } finally {
            buffer.release();
        }
    }

    /** A new document, which nothing else references: the caller may change it. */
    static Document decode(byte[] bson) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }
}
