package vn.neuguong.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import vn.neuguong.bench.Options.UsageException;

class MainTest {

    @Test
    void theDurationOfTheIssueIsReadAsTwentySeconds() {
        Main.Command command = Main.parse(new String[] {"bench", "pledge-season", "--duration", "20s",
            "--gateway", "http://localhost:8480"});

        assertThat(command.scenario()).isEqualTo("pledge-season");
        assertThat(command.options().duration("duration", Duration.ZERO)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void theScenarioDefaultsToThePledgeSeason() {
        assertThat(Main.parse(new String[] {"bench", "--rate", "20"}).scenario()).isEqualTo("pledge-season");
        assertThat(Main.parse(new String[] {"demo", "--seed", "7"}).scenario()).isNull();
    }

    @Test
    void optionsAreCheckedAgainstTheScenario() {
        assertThatThrownBy(() -> Main.parse(new String[] {"bench", "bulk-import", "--rate", "20"}))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("unknown option --rate for bench bulk-import");
        assertThat(Main.parse(new String[] {"bench", "rebuild", "--preload", "500000", "--compare", "x.json"})
                .options().number("preload", 0, 0)).isEqualTo(500_000);
    }

    @Test
    void unknownCommandsAndScenariosAreNamed() {
        assertThatThrownBy(() -> Main.parse(new String[] {"bench", "pledge-seasons"})).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("unknown scenario 'pledge-seasons'; one of: ")
                .hasMessageContainingAll("bulk-import", "conference", "pledge-season", "rebuild");
        assertThatThrownBy(() -> Main.parse(new String[] {"benchmark"})).isInstanceOf(UsageException.class)
                .hasMessage("unknown command 'benchmark'; say demo or bench");
        assertThatThrownBy(() -> Main.parse(new String[0])).isInstanceOf(UsageException.class);
    }

    @Test
    void theFaultsScenarioRunsAgainstTheSystemAsItIs() {
        assertThat(Main.parse(new String[] {"bench", "faults", "--rate", "10", "--only", "pledge,database",
            "--local-sh", "/x/local.sh"}).options().text("only", "")).isEqualTo("pledge,database");
        assertThatThrownBy(() -> Main.parse(new String[] {"bench", "faults", "--preload", "1000"}))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("unknown option --preload for bench faults");
    }
}
