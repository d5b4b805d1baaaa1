package vn.neuguong.recognition.nomination;

import vn.neuguong.contracts.recognition.NomineeKind;

/**
 * Who or what is nominated. For a MODEL, {@code name} says what the practice is and {@code unitId} where it works.
 *
 * @param memberId the party member's id (the token {@code sub}), only for an INDIVIDUAL, optional
 */
public record Nominee(NomineeKind kind, String name, String unitId, String memberId) {
}
