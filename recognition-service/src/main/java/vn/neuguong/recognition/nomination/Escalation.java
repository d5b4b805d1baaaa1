package vn.neuguong.recognition.nomination;

import java.time.Instant;

/** A round's award was sent up to the council of {@code toUnitId}. */
public record Escalation(String toUnitId, Instant escalatedAt, String escalatedBy) {
}
