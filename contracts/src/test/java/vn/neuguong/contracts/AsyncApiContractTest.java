package vn.neuguong.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import vn.neuguong.contracts.aggregate.AggregateUpdated;
import vn.neuguong.contracts.inbound.CommandOutcome;
import vn.neuguong.contracts.inbound.CommandTypes;
import vn.neuguong.contracts.inbound.InboundTopics;
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.orgunit.OrgUnitChanged;
import vn.neuguong.contracts.orgunit.OrgUnitLevel;
import vn.neuguong.contracts.pledge.PledgeChanged;
import vn.neuguong.contracts.pledge.PledgeSnapshot;
import vn.neuguong.contracts.pledge.PledgeStatus;
import vn.neuguong.contracts.pledge.PledgerKind;
import vn.neuguong.contracts.recognition.Award;
import vn.neuguong.contracts.recognition.NominationChanged;
import vn.neuguong.contracts.recognition.NominationSnapshot;
import vn.neuguong.contracts.recognition.NominationStatus;
import vn.neuguong.contracts.recognition.NomineeKind;
import vn.neuguong.contracts.report.ReportChanged;
import vn.neuguong.contracts.report.ReportSnapshot;
import vn.neuguong.contracts.report.ReportStatus;

/** Keeps the hand-written AsyncAPI document and the Java event contracts from drifting apart. */
class AsyncApiContractTest {

    private static final Map<String, Object> DOCUMENT = load();

    @Test
    void everyChannelIsATopicOfTheContracts() throws IllegalAccessException {
        List<Object> topics = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topics.add(field.get(null));
            }
        }
        topics.add(InboundTopics.DEAD_LETTER);
        topics.add(InboundTopics.OUTCOMES_PREFIX + "{publisher}");
        for (String channel : InboundTopics.CHANNELS) {
            topics.add(InboundTopics.COMMANDS_PREFIX + "{publisher}." + channel);
        }
        List<Object> addresses = map(DOCUMENT.get("channels")).values().stream()
                .map(channel -> map(channel).get("address")).toList();
        assertThat(addresses).isNotEmpty().allMatch(topics::contains);
    }

    @Test
    void inboundTopicsNameTheirPublisherAndThePatternMatchesOnlyCommandTopics() {
        String pledges = InboundTopics.commands("thai-nguyen", InboundTopics.PLEDGES);
        Pattern pattern = Pattern.compile(InboundTopics.commandsPattern(InboundTopics.PLEDGES));

        assertThat(pledges).isEqualTo("neuguong.inbound.thai-nguyen.pledges");
        assertThat(InboundTopics.publisherOf(pledges)).isEqualTo("thai-nguyen");
        assertThat(pattern.matcher(pledges).matches()).isTrue();
        assertThat(pattern.matcher(InboundTopics.commands("ha-noi", InboundTopics.REPORTS)).matches()).isFalse();
        assertThat(pattern.matcher(pledges + ".dlq").matches()).isFalse();
        assertThat(pattern.matcher(InboundTopics.outcomes("thai-nguyen")).matches()).isFalse();
        assertThat(InboundTopics.publisherOf(InboundTopics.outcomes("thai-nguyen"))).isNull();
        assertThat(InboundTopics.isPublisherName("thai.nguyen")).isFalse();
        assertThat(InboundTopics.isPublisherName("Thai")).isFalse();
    }

    static Stream<Arguments> commandChannels() {
        return Stream.of(Arguments.of("pledgeCommands", InboundTopics.PLEDGES, CommandTypes.PLEDGE_COMMANDS),
                Arguments.of("reportCommands", InboundTopics.REPORTS, CommandTypes.REPORT_COMMANDS),
                Arguments.of("nominationCommands", InboundTopics.NOMINATIONS, CommandTypes.NOMINATION_COMMANDS));
    }

    @ParameterizedTest
    @MethodSource("commandChannels")
    void everyCommandIsAMessageOfItsChannel(String channelName, String channel, List<String> commands) {
        Map<String, Object> messages = map(map(DOCUMENT.get("components")).get("messages"));
        Map<String, Object> documented = map(map(DOCUMENT.get("channels")).get(channelName));
        List<Object> names = map(documented.get("messages")).values()
                .stream().map(reference -> ((String) map(reference).get("$ref")).replace("#/components/messages/", ""))
                .map(name -> map(messages.get(name)).get("name")).toList();
        assertThat(documented.get("address")).isEqualTo(InboundTopics.COMMANDS_PREFIX + "{publisher}." + channel);
        assertThat(names).containsExactlyInAnyOrderElementsOf(commands);
        assertThat(commands).allMatch(type -> channel.equals(CommandTypes.channelOf(type)));
    }

    @Test
    void theOutcomeNamesItsTypesAndStatuses() {
        Map<String, Object> messages = map(map(DOCUMENT.get("components")).get("messages"));
        assertThat((String) map(messages.get("CommandOutcome")).get("description"))
                .contains(CommandOutcome.ACCEPTED_TYPE, CommandOutcome.REJECTED_TYPE);
        assertThat(enumOf("CommandOutcome", "status")).containsExactlyElementsOf(
                names(CommandOutcome.Status.values()));
    }

    static Stream<Arguments> payloads() {
        return Stream.of(Arguments.of("OrgUnit", OrgUnit.class), Arguments.of("OrgUnitChanged", OrgUnitChanged.class),
                Arguments.of("PledgeSnapshot", PledgeSnapshot.class), Arguments.of("PledgeChanged", PledgeChanged.class),
                Arguments.of("NominationSnapshot", NominationSnapshot.class),
                Arguments.of("NominationChanged", NominationChanged.class),
                Arguments.of("ReportSnapshot", ReportSnapshot.class), Arguments.of("ReportChanged", ReportChanged.class),
                Arguments.of("AggregateUpdated", AggregateUpdated.class),
                Arguments.of("CommandOutcome", CommandOutcome.class));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void schemaPropertiesAreExactlyTheRecordComponents(String schema, Class<? extends Record> payload) {
        List<String> components = Arrays.stream(payload.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(map(schema(schema).get("properties")).keySet()).containsExactlyInAnyOrderElementsOf(components);
        assertThat(list(schema(schema).get("required"))).allMatch(components::contains);
    }

    @Test
    void enumsListTheJavaConstants() {
        assertThat(enumOf("PledgeSnapshot", "status")).containsExactlyElementsOf(names(PledgeStatus.values()));
        assertThat(enumOf("PledgeSnapshot", "pledgerKind")).containsExactlyElementsOf(names(PledgerKind.values()));
        assertThat(enumOf("OrgUnit", "level")).containsExactlyElementsOf(names(OrgUnitLevel.values()));
        assertThat(enumOf("NominationSnapshot", "status")).containsExactlyElementsOf(names(NominationStatus.values()));
        assertThat(enumOf("NominationSnapshot", "nomineeKind")).containsExactlyElementsOf(names(NomineeKind.values()));
        assertThat(enumOf("NominationSnapshot", "award")).containsSubsequence(names(Award.values()).toArray());
        assertThat(enumOf("ReportSnapshot", "status")).containsExactlyElementsOf(names(ReportStatus.values()));
    }

    @Test
    void messagesNameTheirCloudEventTypes() {
        Map<String, Object> messages = map(map(DOCUMENT.get("components")).get("messages"));
        assertThat(map(messages.get("OrgUnitChanged")).get("name")).isEqualTo(OrgUnitChanged.TYPE);
        String pledgeTypes = ((String) map(messages.get("PledgeChanged")).get("description")).replace("\n", " ");
        for (String type : List.of(PledgeChanged.REGISTERED, PledgeChanged.REVISED, PledgeChanged.SELF_ASSESSED,
                PledgeChanged.EVALUATED, PledgeChanged.WITHDRAWN)) {
            assertThat(pledgeTypes).contains(type.substring("vn.neuguong.pledge".length()));
        }
        String nominationTypes = ((String) map(messages.get("NominationChanged")).get("description")).replace("\n", " ");
        for (String type : List.of(NominationChanged.SUBMITTED, NominationChanged.VOTED, NominationChanged.DECIDED,
                NominationChanged.ESCALATED, NominationChanged.REPLICATED)) {
            assertThat(nominationTypes).contains(type.substring("vn.neuguong.recognition".length()));
        }
        String reportTypes = ((String) map(messages.get("ReportChanged")).get("description")).replace("\n", " ");
        for (String type : List.of(ReportChanged.DRAFT_SAVED, ReportChanged.SUBMITTED, ReportChanged.RESUBMITTED,
                ReportChanged.APPROVED, ReportChanged.RETURNED, ReportChanged.CORRECTED)) {
            assertThat(reportTypes).contains(type.substring("vn.neuguong.report".length()));
        }
        assertThat(map(messages.get("AggregateUpdated")).get("name")).isEqualTo(AggregateUpdated.TYPE);
    }

    private static List<Object> enumOf(String schema, String property) {
        return list(map(map(schema(schema).get("properties")).get(property)).get("enum"));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static Map<String, Object> schema(String name) {
        return map(map(map(DOCUMENT.get("components")).get("schemas")).get(name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private static Map<String, Object> load() {
        try (InputStream in = AsyncApiContractTest.class.getResourceAsStream("/asyncapi/neuguong.asyncapi.yaml")) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
