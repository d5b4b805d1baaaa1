package vn.neuguong.pledge.imports;

import java.io.Closeable;
import java.util.List;

import vn.neuguong.platform.web.FieldProblem;

/** Streams the pledges of an import file, one at a time, without holding the file in memory. */
interface PledgeDraftReader extends Closeable {

    /** @return the next pledge, or null at the end of the file */
    PledgeDraft next();

    /**
     * Where a problem the validator found (a JSON path such as {@code commitments[1].dueDate}) lies in the file:
     * which row and which field name the file uses.
     */
    RejectedRow locate(PledgeDraft draft, FieldProblem problem);

    static List<FieldProblem> one(String field, String message) {
        return List.of(new FieldProblem(field, message));
    }
}
