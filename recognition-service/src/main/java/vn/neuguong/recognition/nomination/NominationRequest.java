package vn.neuguong.recognition.nomination;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import vn.neuguong.contracts.recognition.NomineeKind;
import vn.neuguong.recognition.field.FieldOfWork;

/** The body of {@code POST /api/nominations}: only what the nominating unit says; the server owns the rest. */
public record NominationRequest(
        @NotNull Integer year,
        @NotNull @Valid NomineeRequest nominee,
        @NotBlank @Size(max = 100) String nominatingUnitId,
        @NotNull FieldOfWork field,
        @NotBlank @Size(max = 10_000) String achievements,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> pledgeIds) {

    public record NomineeRequest(
            @NotNull NomineeKind kind,
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Size(max = 100) String unitId,
            @Size(min = 1, max = 100) String memberId) {
    }
}
