package vn.neuguong.aggregation;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** What every entity event must satisfy before the aggregation applies it (DESIGN.md, "Events"). */
final class EventChecks {

    static <T> T parse(JsonMapper jsonMapper, byte[] value, Class<T> type) {
        if (value == null) {
            throw new UnreadableEventException("the record has no value");
        }
        try {
            return jsonMapper.readValue(value, type);
        } catch (JacksonException e) {
            throw new UnreadableEventException("not a " + type.getSimpleName() + " JSON document: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param idField the name of the entity id field, for the reason
     */
    static void checkEntity(String key, String idField, String entityId, long version, int year, String unitId,
            List<String> unitPath) {
        if (entityId == null || entityId.isBlank()) {
            throw new UnreadableEventException(idField + " is missing");
        }
        if (key == null || !key.equals(entityId)) {
            throw new UnreadableEventException("the record key " + key + " is not the " + idField + " " + entityId);
        }
        if (version < 1) {
            throw new UnreadableEventException("version must be 1 or more");
        }
        if (year < 1900 || year > 9999) {
            throw new UnreadableEventException("year " + year + " is out of range");
        }
        if (unitPath == null || unitPath.isEmpty() || unitPath.contains(null)
                || !unitPath.get(unitPath.size() - 1).equals(unitId)) {
            throw new UnreadableEventException("unitPath must end with unitId");
        }
    }

    private EventChecks() {
    }
}
