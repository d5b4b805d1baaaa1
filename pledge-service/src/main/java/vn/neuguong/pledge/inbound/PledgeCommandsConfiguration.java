package vn.neuguong.pledge.inbound;

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
import vn.neuguong.pledge.pledge.EvaluationRequest;
import vn.neuguong.pledge.pledge.Pledge;
import vn.neuguong.pledge.pledge.PledgeRequest;
import vn.neuguong.pledge.pledge.PledgeService;
import vn.neuguong.pledge.pledge.SelfAssessmentRequest;
import vn.neuguong.pledge.pledge.WithdrawalRequest;

/**
 * Pledge commands from provinces' own systems (docs/inbound.md): each runs the {@link PledgeService} method the
 * API's controller runs for the same request, as the publisher, with the command id as its Idempotency-Key. A
 * registration may also say when the pledge was signed in the province's records, as an import may.
 * Bound by Spring Cloud Stream as {@code pledgeCommands} (application.yml).
 */
@Configuration(proxyBeanMethods = false)
class PledgeCommandsConfiguration {

    @Bean
    Function<Message<byte[]>, Message<byte[]>> pledgeCommands(InboundCommands inbound, PledgeService pledges) {
        return inbound.function(Map.<String, CommandHandler>of(
                CommandTypes.PLEDGE_REGISTER, (publisher, command) -> {
                    PledgeRegistration registration = command.data(PledgeRegistration.class);
                    return result(pledges.register(publisher, registration.request(), registration.signedOn(),
                            command.id()).pledge());
                },
                CommandTypes.PLEDGE_REVISE, (publisher, command) -> result(pledges.revise(publisher,
                        command.entityId(), command.data(PledgeRequest.class), command.requiredIfMatch(),
                        command.id())),
                CommandTypes.PLEDGE_SELF_ASSESS, (publisher, command) -> result(pledges.selfAssess(publisher,
                        command.entityId(), command.data(SelfAssessmentRequest.class), command.ifMatch(),
                        command.id())),
                CommandTypes.PLEDGE_EVALUATE, (publisher, command) -> result(pledges.evaluate(publisher,
                        command.entityId(), command.data(EvaluationRequest.class), command.ifMatch(), command.id())),
                CommandTypes.PLEDGE_WITHDRAW, (publisher, command) -> result(pledges.withdraw(publisher,
                        command.entityId(), command.data(WithdrawalRequest.class), command.ifMatch(),
                        command.id()))));
    }

    /** Every configured publisher's pledge commands topic and outcomes topic. */
    @Bean
    KafkaAdmin.NewTopics pledgeCommandTopics(Publishers publishers, TopicProperties topics) {
        return new KafkaAdmin.NewTopics(publishers.topics(InboundTopics.PLEDGES, topics));
    }

    private static CommandHandler.Result result(Pledge pledge) {
        return new CommandHandler.Result(pledge.id(), pledge.version());
    }
}
