package vn.neuguong.pledge.pledge;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.data.domain.Sort;

import vn.neuguong.platform.web.InvalidInputException;

/** The orders a pledge list offers ({@code sort=registeredAt,desc}); ties are broken by id so pages are stable. */
public enum PledgeOrder {

    REGISTERED_AT("registeredAt", "registeredAt"),
    SCORE("score", "specificity.score"),
    STATUS("status", "status"),
    UNIT("unitId", "unitId");

    private final String name;
    private final String field;

    PledgeOrder(String name, String field) {
        this.name = name;
        this.field = field;
    }

    /** The sort of {@code name[,asc|desc]}; the newest first when absent. */
    public static Sort parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.by(Sort.Order.desc("registeredAt"), Sort.Order.asc("id"));
        }
        String[] parts = sort.split(",", 2);
        PledgeOrder order = Arrays.stream(values()).filter(candidate -> candidate.name.equals(parts[0].strip()))
                .findFirst().orElseThrow(() -> new InvalidInputException("sort",
                        "must be one of registeredAt, score, status, unitId, optionally followed by ,asc or ,desc"));
        String direction = parts.length == 2 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw new InvalidInputException("sort", "the direction must be asc or desc");
        }
        return Sort.by(direction.equals("asc") ? Sort.Order.asc(order.field) : Sort.Order.desc(order.field),
                Sort.Order.asc("id"));
    }
}
