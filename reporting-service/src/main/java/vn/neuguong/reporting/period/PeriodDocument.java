package vn.neuguong.reporting.period;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.neuguong.platform.web.IdempotencyKey;

/**
 * A created period (collection {@value #COLLECTION}); dates are ISO strings so they never shift with a time zone.
 * {@code creationKey} is the Idempotency-Key of the creating request, or null.
 */
@Document(PeriodDocument.COLLECTION)
record PeriodDocument(@Id String id, PeriodKind kind, String title, String from, String to, String grassrootsDue,
        String provinceDue, String centralDue, String createdBy, Instant createdAt, IdempotencyKey creationKey) {

    static final String COLLECTION = "periods";

    static PeriodDocument of(NewPeriod period, String createdBy, Instant createdAt, IdempotencyKey creationKey) {
        DueDates due = period.dueDates();
        return new PeriodDocument(period.id(), period.kind(), period.title().strip(), period.from().toString(),
                period.to().toString(), due.grassroots().toString(), due.province().toString(),
                due.central().toString(), createdBy, createdAt, creationKey);
    }

    Period toPeriod() {
        return new Period(id, kind, title, LocalDate.parse(from), LocalDate.parse(to), new DueDates(
                LocalDate.parse(grassrootsDue), LocalDate.parse(provinceDue), LocalDate.parse(centralDue)), false);
    }
}
