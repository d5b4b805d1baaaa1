package vn.neuguong.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.neuguong.bench.Options.UsageException;

class OptionsTest {

    private static final Set<String> KNOWN = Set.of("duration", "rate", "rows");

    private static Options parse(String... args) {
        return Options.parse("bench pledge-season", args, 0, KNOWN);
    }

    @Test
    void durationsAreSecondsOrCarryTheirUnit() {
        assertThat(parse("--duration", "20").duration("duration", Duration.ZERO)).isEqualTo(Duration.ofSeconds(20));
        assertThat(parse("--duration", "20s").duration("duration", Duration.ZERO)).isEqualTo(Duration.ofSeconds(20));
        assertThat(parse("--duration", "500ms").duration("duration", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
        assertThat(parse("--duration", "5m").duration("duration", Duration.ZERO)).isEqualTo(Duration.ofMinutes(5));
        assertThat(parse().duration("duration", Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aMalformedValueNamesTheOptionAndWhatItExpects() {
        assertThatThrownBy(() -> parse("--duration", "twenty").duration("duration", Duration.ZERO))
                .isInstanceOf(UsageException.class)
                .hasMessage("--duration expects seconds (20) or a duration such as 500ms, 20s, 5m or 1h, not 'twenty'");
        assertThatThrownBy(() -> parse("--duration", "99999999999999999h").duration("duration", Duration.ZERO))
                .isInstanceOf(UsageException.class).hasMessageContaining("--duration");
        assertThatThrownBy(() -> parse("--rows", "2e5").integer("rows", 1, 1))
                .isInstanceOf(UsageException.class).hasMessage("--rows expects a whole number, not '2e5'");
        assertThatThrownBy(() -> parse("--rows", "0").integer("rows", 1, 1))
                .isInstanceOf(UsageException.class).hasMessage("--rows must be at least 1, not 0");
        assertThatThrownBy(() -> parse("--rate", "fast").rate("rate", 1))
                .isInstanceOf(UsageException.class).hasMessage("--rate expects a number per second, not 'fast'");
        assertThatThrownBy(() -> parse("--rate", "-3").rate("rate", 1))
                .isInstanceOf(UsageException.class).hasMessage("--rate must be a positive number, not -3");
    }

    @Test
    void numbersMayGroupThousandsWithUnderscores() {
        assertThat(parse("--rows", "500_000").integer("rows", 1, 1)).isEqualTo(500_000);
        assertThat(parse("--rate", "2.5").rate("rate", 1)).isEqualTo(2.5);
    }

    @Test
    void unknownOptionsMissingValuesAndStrayWordsAreRefused() {
        assertThatThrownBy(() -> parse("--durations", "20")).isInstanceOf(UsageException.class)
                .hasMessage("unknown option --durations for bench pledge-season; known: --duration, --rate, --rows");
        assertThatThrownBy(() -> parse("--rate")).isInstanceOf(UsageException.class)
                .hasMessage("--rate needs a value");
        assertThatThrownBy(() -> parse("--rate", "--duration", "20")).isInstanceOf(UsageException.class)
                .hasMessage("--rate needs a value");
        assertThatThrownBy(() -> parse("20")).isInstanceOf(UsageException.class)
                .hasMessage("'20' is not an option of bench pledge-season (options start with --)");
    }

    @Test
    void theLastOfARepeatedOptionCounts() {
        assertThat(parse("--rows", "1", "--rows", "2").integer("rows", 0, 0)).isEqualTo(2);
    }
}
