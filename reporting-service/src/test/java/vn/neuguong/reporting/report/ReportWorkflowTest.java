package vn.neuguong.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import vn.neuguong.contracts.report.ReportStatus;
import vn.neuguong.platform.web.ConflictException;
import vn.neuguong.reporting.report.ReportWorkflow.Transition;

class ReportWorkflowTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate DUE = LocalDate.of(2025, 12, 15);
    /** 23:30 on the due date in Vietnam, already the next day nowhere that matters but 16:30 UTC. */
    private static final Instant LAST_MINUTE = Instant.parse("2025-12-15T16:30:00Z");
    /** 00:30 on the day after the due date in Vietnam, still the due date in UTC. */
    private static final Instant JUST_LATE = Instant.parse("2025-12-15T17:30:00Z");

    @Test
    void aSubmissionOnTheDueDateInVietnamIsOnTimeAndOneAfterItIsLate() {
        Transition onTime = ReportWorkflow.submit(null, LAST_MINUTE, DUE, VIETNAM);
        assertThat(onTime.action()).isEqualTo(ReportAction.SUBMITTED);
        assertThat(onTime.to()).isEqualTo(new ReportState(ReportStatus.SUBMITTED, 1, false, true, false, LAST_MINUTE));
        Transition late = ReportWorkflow.submit(null, JUST_LATE, DUE, VIETNAM);
        assertThat(late.to().onTime()).isFalse();
        assertThat(late.to().late()).isTrue();
    }

    @Test
    void aDraftIsSavedAgainAndThenSubmitted() {
        Transition draft = ReportWorkflow.saveDraft(null);
        assertThat(draft.to().status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(draft.to().onTime() || draft.to().late()).isFalse();
        assertThat(ReportWorkflow.saveDraft(draft.to()).to()).isEqualTo(draft.to());
        Transition submitted = ReportWorkflow.submit(draft.to(), LAST_MINUTE, DUE, VIETNAM);
        assertThat(submitted.action()).isEqualTo(ReportAction.SUBMITTED);
        assertThat(submitted.to().status()).isEqualTo(ReportStatus.SUBMITTED);
    }

    @Test
    void aReturnedReportIsResubmittedAndKeepsTheTimelinessOfItsFirstSubmission() {
        ReportState submitted = ReportWorkflow.submit(null, LAST_MINUTE, DUE, VIETNAM).to();
        Transition returned = ReportWorkflow.giveBack(submitted);
        assertThat(returned.action()).isEqualTo(ReportAction.RETURNED);
        assertThat(returned.to().status()).isEqualTo(ReportStatus.RETURNED);
        assertThat(ReportWorkflow.saveDraft(returned.to()).to().status()).isEqualTo(ReportStatus.RETURNED);
        Transition resubmitted = ReportWorkflow.submit(returned.to(), JUST_LATE.plusSeconds(86_400 * 10), DUE, VIETNAM);
        assertThat(resubmitted.action()).isEqualTo(ReportAction.RESUBMITTED);
        assertThat(resubmitted.to()).isEqualTo(new ReportState(ReportStatus.SUBMITTED, 1, false, true, false,
                LAST_MINUTE));
    }

    @Test
    void aCorrectionAfterApprovalIsANewRevisionFlaggedCorrectedAndReviewedAgain() {
        ReportState approved = ReportWorkflow.approve(ReportWorkflow.submit(null, JUST_LATE, DUE, VIETNAM).to()).to();
        assertThat(approved.status()).isEqualTo(ReportStatus.APPROVED);
        Transition correction = ReportWorkflow.submit(approved, JUST_LATE.plusSeconds(3_600), DUE, VIETNAM);
        assertThat(correction.action()).isEqualTo(ReportAction.CORRECTED);
        assertThat(correction.to()).isEqualTo(new ReportState(ReportStatus.SUBMITTED, 2, true, false, true, JUST_LATE));
        ReportState approvedAgain = ReportWorkflow.approve(correction.to()).to();
        assertThat(approvedAgain.revision()).isEqualTo(2);
        assertThat(approvedAgain.corrected()).isTrue();
    }

    @Test
    void anythingElseIsAConflict() {
        ReportState draft = ReportWorkflow.saveDraft(null).to();
        ReportState submitted = ReportWorkflow.submit(null, LAST_MINUTE, DUE, VIETNAM).to();
        ReportState approved = ReportWorkflow.approve(submitted).to();
        ReportState returned = ReportWorkflow.giveBack(submitted).to();
        assertThatThrownBy(() -> ReportWorkflow.submit(submitted, LAST_MINUTE, DUE, VIETNAM))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ReportWorkflow.saveDraft(submitted)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ReportWorkflow.saveDraft(approved)).isInstanceOf(ConflictException.class);
        for (ReportState notSubmitted : new ReportState[] {draft, approved, returned}) {
            assertThatThrownBy(() -> ReportWorkflow.approve(notSubmitted)).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> ReportWorkflow.giveBack(notSubmitted)).isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void onlySubmittedAndApprovedReportsCountAsSubmitted() {
        assertThat(ReportWorkflow.isSubmitted(ReportStatus.SUBMITTED)).isTrue();
        assertThat(ReportWorkflow.isSubmitted(ReportStatus.APPROVED)).isTrue();
        assertThat(ReportWorkflow.isSubmitted(ReportStatus.DRAFT)).isFalse();
        assertThat(ReportWorkflow.isSubmitted(ReportStatus.RETURNED)).isFalse();
    }
}
