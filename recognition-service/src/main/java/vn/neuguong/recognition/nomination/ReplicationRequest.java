package vn.neuguong.recognition.nomination;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ReplicationRequest(@NotBlank @Size(max = 100) String adoptingUnitId, @Size(max = 2_000) String note) {
}
