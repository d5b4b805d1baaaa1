package vn.neuguong.recognition.nomination;

import java.time.Instant;
import java.util.List;

/** A unit recorded that it adopted a model (nhân rộng mô hình). */
public record Replication(String adoptingUnitId, List<String> adoptingUnitPath, String note, Instant recordedAt,
        String recordedBy) {
}
