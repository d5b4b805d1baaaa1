package vn.neuguong.pledge.pledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import vn.neuguong.platform.web.FieldProblem;

/**
 * The day a pledge was signed (ngày ký). Provinces import pledges signed on paper or in their own systems weeks
 * before they reach us, so an import may declare it; the API never does: a pledge registered there was signed the
 * Vietnamese day the server registered it. Whether a pledge is on time is judged on this day, while
 * {@code registeredAt} stays the server's time of entry.
 */
public final class SigningDay {

    public static final String FIELD = "signedOn";

    private SigningDay() {
    }

    /** The day of a registration that declares none: its Vietnamese date. */
    public static LocalDate of(Instant registeredAt) {
        return LocalDate.ofInstant(registeredAt, RegistrationDeadlines.VIETNAM);
    }

    /** The first day a pledge for {@code year} may have been signed: 1 December of the year before. */
    public static LocalDate earliest(int year) {
        return LocalDate.of(year - 1, 12, 1);
    }

    /**
     * What is wrong with a declared signing day of a pledge for {@code year}, uploaded on {@code uploadDay}
     * (Vietnam's date): none when it lies between {@link #earliest} and the upload day.
     */
    public static Optional<FieldProblem> problem(LocalDate signedOn, int year, LocalDate uploadDay) {
        if (signedOn.isAfter(uploadDay)) {
            return Optional.of(new FieldProblem(FIELD, "must not be after the day of the upload, " + uploadDay));
        }
        if (signedOn.isBefore(earliest(year))) {
            return Optional.of(new FieldProblem(FIELD, "must not be before " + earliest(year)
                    + ", the start of the registration season"));
        }
        return Optional.empty();
    }
}
