package vn.neuguong.reporting.inbound;

import java.util.Map;
import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.messaging.Message;

import vn.neuguong.contracts.inbound.CommandTypes;
import vn.neuguong.contracts.inbound.InboundTopics;
import vn.neuguong.platform.inbound.CommandHandler;
import vn.neuguong.platform.inbound.InboundCommands;
import vn.neuguong.platform.inbound.Publishers;
import vn.neuguong.platform.kafka.TopicProperties;
import vn.neuguong.reporting.conference.AttendanceDocument;
import vn.neuguong.reporting.conference.AttendanceView;
import vn.neuguong.reporting.conference.CheckIn;
import vn.neuguong.reporting.conference.ConferenceService;
import vn.neuguong.reporting.report.NewReport;
import vn.neuguong.reporting.report.ReportApproval;
import vn.neuguong.reporting.report.ReportReturn;
import vn.neuguong.reporting.report.ReportService;
import vn.neuguong.reporting.report.ReportView;

/**
 * Report and conference-attendance commands from provinces' own systems (docs/inbound.md): each runs the
 * {@link ReportService} or {@link ConferenceService} method the API's controller runs for the same request, as the
 * publisher, with the command id as its Idempotency-Key. Bound by Spring Cloud Stream as
 * {@code reportCommands} (application.yml).
 */
@Configuration(proxyBeanMethods = false)
class ReportCommandsConfiguration {

    @Bean
    Function<Message<byte[]>, Message<byte[]>> reportCommands(InboundCommands inbound, ReportService reports,
            ConferenceService conferences) {
        return inbound.function(Map.<String, CommandHandler>of(
                CommandTypes.REPORT_SAVE_DRAFT, (publisher, command) -> result(reports.save(
                        command.data(NewReport.class), true, command.id(), command.ifMatch(), publisher).report()),
                CommandTypes.REPORT_SUBMIT, (publisher, command) -> result(reports.save(
                        command.data(NewReport.class), false, command.id(), command.ifMatch(), publisher).report()),
                CommandTypes.REPORT_APPROVE, (publisher, command) -> result(reports.approve(command.entityId(),
                        command.optionalData(ReportApproval.class), command.ifMatch(), command.id(), publisher)),
                CommandTypes.REPORT_RETURN, (publisher, command) -> result(reports.giveBack(command.entityId(),
                        command.data(ReportReturn.class), command.ifMatch(), command.id(), publisher)),
                CommandTypes.CONFERENCE_CHECK_IN, (publisher, command) -> result(conferences.checkIn(
                        command.entityId(), command.data(CheckIn.class), command.id(), publisher))));
    }

    /** Every configured publisher's report commands topic and outcomes topic. */
    @Bean
    KafkaAdmin.NewTopics reportCommandTopics(Publishers publishers, TopicProperties topics) {
        return new KafkaAdmin.NewTopics(publishers.topics(InboundTopics.REPORTS, topics));
    }

    private static CommandHandler.Result result(ReportView report) {
        return new CommandHandler.Result(report.id(), report.version());
    }

    private static CommandHandler.Result result(AttendanceView attendance) {
        return new CommandHandler.Result(AttendanceDocument.idOf(attendance.conferenceId(), attendance.unitId()),
                attendance.version());
    }
}
