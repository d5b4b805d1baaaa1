package vn.neuguong.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import vn.neuguong.systemtest.SystemStack;

/**
 * Who may do what, through the gateway against the real services: every endpoint of {@link MatrixEndpoint} called by
 * every {@link MatrixActor}, compared cell by cell with {@code security/authorization-matrix.csv}. A change of any
 * cell — a permission gained or lost, a 404 that became a 403 — fails, and the message shows the whole actual table
 * to review and copy. docs/authorization.md explains the rules the table encodes.
 */
@Order(50)
class AuthorizationMatrixIT {

    private static final String TABLE = "/security/authorization-matrix.csv";
    private static final String HEADER = "request,actor,outcome";

    @BeforeAll
    static void startTheStack() throws Exception {
        SystemStack.ensureStarted();
        Scenario.awaitOrgUnitsEverywhere();
    }

    @Test
    void theTableHasOneCellPerEndpointAndActor() throws IOException {
        Set<String> expected = new LinkedHashSet<>();
        for (MatrixEndpoint endpoint : MatrixEndpoint.values()) {
            for (MatrixActor actor : MatrixActor.values()) {
                expected.add(endpoint.request() + "," + actor.label());
            }
        }

        List<String> cells = table().stream().map(line -> line.substring(0, line.lastIndexOf(','))).toList();

        assertThat(cells).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyCellIsAsTheTableSays() throws Exception {
        List<String> expected = table();
        List<String> actual = new ArrayList<>();
        for (String line : expected) {
            String[] cell = line.split(",");
            MatrixEndpoint endpoint = MatrixEndpoint.byRequest(cell[0]);
            MatrixActor actor = MatrixActor.byLabel(cell[1]);
            actual.add(cell[0] + "," + cell[1] + "," + endpoint.call(actor));
        }

        assertThat(actual)
                .as("the authorization matrix; the actual table:%n%s%n%s", HEADER, String.join("\n", actual))
                .containsExactlyElementsOf(expected);
    }

    private static List<String> table() throws IOException {
        try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream(TABLE)) {
            List<String> lines = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toCollection(ArrayList::new));
            assertThat(lines.remove(0)).isEqualTo(HEADER);
            return lines;
        }
    }
}
