package vn.neuguong.contracts;

/** Roles a token may carry in its {@code roles} claim. */
public enum Role {
    MEMBER, UNIT_OFFICER, COUNCIL_MEMBER, PROVINCE_OFFICER, CENTRAL_BOARD, ADMIN, OPERATOR
}
