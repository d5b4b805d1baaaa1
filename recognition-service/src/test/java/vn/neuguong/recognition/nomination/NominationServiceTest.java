package vn.neuguong.recognition.nomination;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import vn.neuguong.contracts.Role;
import vn.neuguong.contracts.orgunit.OrgUnit;
import vn.neuguong.contracts.recognition.NomineeKind;
import vn.neuguong.platform.orgunit.OrgUnitDirectory;
import vn.neuguong.platform.security.CurrentUser;
import vn.neuguong.platform.web.ServiceUnavailableException;
import vn.neuguong.recognition.council.CouncilProperties;
import vn.neuguong.recognition.council.Councils;
import vn.neuguong.recognition.field.FieldOfWork;
import vn.neuguong.recognition.pledge.PledgeEvaluations;

class NominationServiceTest {

    /** The replica before it has caught up with neuguong.org-units. */
    private static final OrgUnitDirectory LOADING = new OrgUnitDirectory() {
        @Override
        public Optional<OrgUnit> find(String id) {
            throw new ServiceUnavailableException("loading");
        }

        @Override
        public boolean ready() {
            return false;
        }
    };

    private final NominationRepository repository = mock(NominationRepository.class);
    private final NominationService service = new NominationService(repository, LOADING,
            new Councils(new CouncilProperties(null)), mock(NominationEvents.class), mock(PledgeEvaluations.class),
            JsonMapper.builder().build(),
            Clock.systemUTC(), new SimpleMeterRegistry());
    private final CurrentUser officer = new CurrentUser("o", "Cán bộ", "p-1", Set.of(Role.PROVINCE_OFFICER));

    @Test
    void everyWriteIsUnavailableUntilTheOrgUnitReplicaIsReady() {
        NominationRequest request = new NominationRequest(2025, new NominationRequest.NomineeRequest(
                NomineeKind.COLLECTIVE, "Chi bộ 1", "c-1", null), "w-1", FieldOfWork.HEALTH, "…", List.of());

        assertThatThrownBy(() -> service.submit(officer, request, null))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThatThrownBy(() -> service.vote(officer, "n-1", new VoteRequest(true, null), null, null))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThatThrownBy(() -> service.escalate(officer, "n-1", null, null))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThatThrownBy(() -> service.replicate(officer, "n-1", new ReplicationRequest("w-2", null), null, null))
                .isInstanceOf(ServiceUnavailableException.class);
        verifyNoInteractions(repository);
    }
}
