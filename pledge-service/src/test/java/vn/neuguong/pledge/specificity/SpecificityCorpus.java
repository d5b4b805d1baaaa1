package vn.neuguong.pledge.specificity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled corpus of pledges ({@code specificity/pledges.jsonl}, one pledge a line), labelled by the guide in
 * docs/specificity.md. Each pledge and each of its commitments carries a label ({@code concrete} or {@code generic})
 * and the reason; the pledge's {@code split} says whether rules may be tuned on it ({@code tune}) or it is held out
 * to measure them ({@code holdout}).
 */
record SpecificityCorpus(List<LabelledPledge> pledges) {

    static final String RESOURCE = "/specificity/pledges.jsonl";
    static final String GENERIC = "generic";
    static final String CONCRETE = "concrete";
    static final String TUNE = "tune";
    static final String HOLDOUT = "holdout";

    record LabelledPledge(String id, String pledger, String kind, int year, String split, String label,
                          String reason, List<LabelledCommitment> commitments) {

        boolean generic() {
            return GENERIC.equals(label);
        }

        List<CommitmentText> texts() {
            return commitments.stream().map(LabelledCommitment::text).toList();
        }
    }

    record LabelledCommitment(String area, String action, String linkedDuty, String measure, String target,
                              LocalDate dueDate, String label, String reason) {

        boolean generic() {
            return GENERIC.equals(label);
        }

        CommitmentText text() {
            return new CommitmentText(action, linkedDuty, measure, target, dueDate);
        }
    }

    static SpecificityCorpus load() {
        JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = SpecificityCorpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test classpath");
            }
            List<LabelledPledge> pledges = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines().filter(line -> !line.isBlank())
                    .map(line -> json.readValue(line, LabelledPledge.class)).toList();
            return new SpecificityCorpus(pledges);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<LabelledPledge> split(String split) {
        return pledges.stream().filter(pledge -> pledge.split().equals(split)).toList();
    }
}
