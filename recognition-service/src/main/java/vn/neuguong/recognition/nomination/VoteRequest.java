package vn.neuguong.recognition.nomination;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record VoteRequest(@NotNull Boolean approve, @Size(max = 2_000) String comment) {
}
