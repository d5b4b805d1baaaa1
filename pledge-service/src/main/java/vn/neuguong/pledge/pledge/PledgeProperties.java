package vn.neuguong.pledge.pledge;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param registrationDeadlines last registration day per year where it is not 31 March, e.g.
 *                              {@code neuguong.pledges.registration-deadlines.2026=2026-04-15}
 */
@ConfigurationProperties("neuguong.pledges")
public record PledgeProperties(Map<Integer, LocalDate> registrationDeadlines) {

    public PledgeProperties {
        registrationDeadlines = registrationDeadlines == null ? Map.of() : Map.copyOf(registrationDeadlines);
    }
}
