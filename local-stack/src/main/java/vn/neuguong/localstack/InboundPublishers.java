package vn.neuguong.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import vn.neuguong.contracts.inbound.InboundTopics;

/**
 * Provisions publishing systems of the inbound command channel on a broker, as an operator would (docs/inbound.md):
 * a SCRAM-SHA-512 user per publisher, its topics, and ACLs that let it write only its own command topics
 * ({@code neuguong.inbound.<name>.}, prefixed) and read only its own outcomes ({@code neuguong.outcomes.<name>},
 * literal), with consumer groups named {@code <name>.…}. Re-running is harmless.
 */
public final class InboundPublishers {

    /** A publishing system: its principal's name, the unit it publishes for, and its SCRAM password. */
    public record Publisher(String name, String unitId, String password) {
    }

    /**
     * The local stack's demo publishers, one per demo province. LOCAL DEVELOPMENT ONLY: their passwords are fixed
     * and printed by {@code ./local.sh tokens}.
     */
    public static final List<Publisher> DEMO = List.of(
            new Publisher("thai-nguyen", "p-19", "thai-nguyen-local-dev-only"),
            new Publisher("ha-noi", "p-01", "ha-noi-local-dev-only"));

    private InboundPublishers() {
    }

    /** Creates (or updates) the publishers on the broker at {@code bootstrapServers}, connecting as a super user. */
    public static void provision(String bootstrapServers, List<Publisher> publishers, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.alterUserScramCredentials(publishers.stream()
                    .<UserScramCredentialAlteration>map(p ->
                            new UserScramCredentialUpsertion(p.name(),
                                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), p.password()))
                    .toList()).all().get();
            for (Publisher publisher : publishers) {
                createTopics(admin, publisher.name(), partitions);
            }
            admin.createAcls(publishers.stream().flatMap(p -> acls(p.name()).stream()).toList()).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not provision the inbound publishers: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning the inbound publishers", e);
        }
    }

    private static void createTopics(Admin admin, String publisher, int partitions)
            throws InterruptedException, ExecutionException {
        List<String> names = new ArrayList<>();
        for (String channel : InboundTopics.CHANNELS) {
            names.add(InboundTopics.commands(publisher, channel));
        }
        names.add(InboundTopics.outcomes(publisher));
        for (String name : names) {
            try {
                admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Writes the publishers' registry (publisher → unit) as the consuming services read it: a Spring properties
     * file, {@code neuguong.inbound.publishers.<name>.unit-id=<unit>}. No password goes there.
     */
    public static void writeRegistry(List<Publisher> publishers, Path file) {
        StringBuilder registry = new StringBuilder(
                "# Written by the local stack: the demo publishers of the inbound channel (docs/inbound.md)\n");
        for (Publisher publisher : publishers) {
            registry.append("neuguong.inbound.publishers.").append(publisher.name()).append(".unit-id=")
                    .append(publisher.unitId()).append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, registry, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static List<AclBinding> acls(String publisher) {
        String principal = "User:" + publisher;
        List<AclBinding> acls = new ArrayList<>();
        ResourcePattern commands = new ResourcePattern(ResourceType.TOPIC,
                InboundTopics.COMMANDS_PREFIX + publisher + ".", PatternType.PREFIXED);
        ResourcePattern outcomes = new ResourcePattern(ResourceType.TOPIC, InboundTopics.outcomes(publisher),
                PatternType.LITERAL);
        ResourcePattern groups = new ResourcePattern(ResourceType.GROUP, publisher + ".", PatternType.PREFIXED);
        for (AclOperation operation : List.of(AclOperation.WRITE, AclOperation.DESCRIBE)) {
            acls.add(allow(commands, principal, operation));
        }
        for (AclOperation operation : List.of(AclOperation.READ, AclOperation.DESCRIBE)) {
            acls.add(allow(outcomes, principal, operation));
        }
        acls.add(allow(groups, principal, AclOperation.READ));
        return acls;
    }

    private static AclBinding allow(ResourcePattern resource, String principal, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
