package vn.neuguong.reporting;

import java.util.List;

import vn.neuguong.platform.web.FieldProblem;
import vn.neuguong.platform.web.InvalidInputException;

/** One page of a list: {@code page} counts from 0, {@code total} is the size of the whole list. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    /** Rejects a page request outside 0.. and 1..{@value #MAX_SIZE} with field problems. */
    public static void checkRequest(int page, int size) {
        if (page < 0) {
            throw new InvalidInputException(List.of(new FieldProblem("page", "must be 0 or more")));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException(List.of(new FieldProblem("size", "must be between 1 and " + MAX_SIZE)));
        }
    }
}
