package vn.neuguong.recognition.inbound;

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
import vn.neuguong.recognition.nomination.Nomination;
import vn.neuguong.recognition.nomination.NominationRequest;
import vn.neuguong.recognition.nomination.NominationService;

/**
 * Nomination commands from provinces' own systems (docs/inbound.md): a submission runs
 * {@link NominationService#submit} as the API's controller does, after the same Bean Validation as its
 * {@code @Valid} body, as the publisher, with the command id as its Idempotency-Key. Bound by Spring Cloud Stream
 * as {@code nominationCommands} (application.yml).
 */
@Configuration(proxyBeanMethods = false)
class NominationCommandsConfiguration {

    @Bean
    Function<Message<byte[]>, Message<byte[]>> nominationCommands(InboundCommands inbound,
            NominationService nominations) {
        return inbound.function(Map.<String, CommandHandler>of(
                CommandTypes.NOMINATION_SUBMIT, (publisher, command) -> result(nominations.submit(publisher,
                        command.validData(NominationRequest.class), command.id()).nomination())));
    }

    /** Every configured publisher's nomination commands topic and outcomes topic. */
    @Bean
    KafkaAdmin.NewTopics nominationCommandTopics(Publishers publishers, TopicProperties topics) {
        return new KafkaAdmin.NewTopics(publishers.topics(InboundTopics.NOMINATIONS, topics));
    }

    private static CommandHandler.Result result(Nomination nomination) {
        return new CommandHandler.Result(nomination.id(), nomination.version());
    }
}
