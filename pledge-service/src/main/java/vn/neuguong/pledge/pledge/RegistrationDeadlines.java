package vn.neuguong.pledge.pledge;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * The last day of each year's registration season, in Vietnam's time zone: by default the end of the first quarter
 * (31 March), or the day configured for that year. A pledge is on time when it was signed by that day (see
 * {@link SigningDay}: the day an import declares, or the Vietnamese day of its registration).
 */
public class RegistrationDeadlines {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Map<Integer, LocalDate> configured;

    public RegistrationDeadlines(Map<Integer, LocalDate> configured) {
        this.configured = Map.copyOf(configured);
    }

    public LocalDate lastDay(int year) {
        return configured.getOrDefault(year, LocalDate.of(year, 3, 31));
    }

    public boolean onTime(int year, LocalDate signedOn) {
        return !signedOn.isAfter(lastDay(year));
    }
}
