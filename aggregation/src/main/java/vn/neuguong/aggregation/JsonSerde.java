package vn.neuguong.aggregation;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import tools.jackson.databind.json.JsonMapper;

/** JSON (Jackson 3) for the topology's own records: state stores, the repartition topic and the output. */
final class JsonSerde<T> implements Serde<T> {

    private final JsonMapper jsonMapper;
    private final Class<T> type;

    JsonSerde(JsonMapper jsonMapper, Class<T> type) {
        this.jsonMapper = jsonMapper;
        this.type = type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : jsonMapper.writeValueAsBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : jsonMapper.readValue(bytes, type);
    }
}
