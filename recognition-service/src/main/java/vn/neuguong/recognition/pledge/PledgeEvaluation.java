package vn.neuguong.recognition.pledge;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.neuguong.contracts.pledge.Grade;
import vn.neuguong.contracts.pledge.PledgeStatus;

/**
 * What recognition knows of a pledge, projected from {@code neuguong.pledge.events}: enough to show that a
 * nominee's pledge was evaluated EXCELLENT. {@code version} is the pledge's, so a redelivered or older event
 * changes nothing.
 */
@Document(PledgeEvaluation.COLLECTION)
public record PledgeEvaluation(@Id String pledgeId, long version, String unitId, int year, PledgeStatus status,
        Grade grade, Instant occurredAt) {

    public static final String COLLECTION = "pledge_evaluations";

    public boolean excellent() {
        return status == PledgeStatus.EVALUATED && grade == Grade.EXCELLENT;
    }
}
