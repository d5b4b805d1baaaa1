package vn.neuguong.systemtest.security;

import static vn.neuguong.systemtest.security.Scenario.UNITS;
import static vn.neuguong.systemtest.security.Scenario.YEAR;
import static vn.neuguong.systemtest.security.Scenario.etag;
import static vn.neuguong.systemtest.security.Scenario.token;

import java.util.Arrays;
import java.util.Map;

import vn.neuguong.systemtest.security.Http.Reply;

/**
 * The requests of the authorization matrix. Each builds what it acts on afresh (as the users entitled to), so that
 * every cell is independent of the others, then sends one request as the cell's actor. The outcome is the status;
 * for a list, also whether the entity is {@code listed} or {@code hidden}.
 */
enum MatrixEndpoint {

    PLEDGE_REGISTER("POST /api/pledges") {
        @Override
        String call(MatrixActor actor) throws Exception {
            String memberId = Scenario.newMemberId();
            return status(Http.json("POST", "/api/pledges", token(actor, memberId), Scenario.individualPledge(memberId)));
        }
    },
    PLEDGE_READ("GET /api/pledges/{id}") {
        @Override
        String call(MatrixActor actor) throws Exception {
            Scenario.Pledge pledge = Scenario.registeredPledge();
            return status(Http.get("/api/pledges/" + pledge.id(), token(actor, pledge.memberId())));
        }
    },
    PLEDGE_LIST("GET /api/pledges?unitId={own}") {
        @Override
        String call(MatrixActor actor) throws Exception {
            Scenario.Pledge pledge = Scenario.registeredPledge();
            Reply page = Http.get("/api/pledges?unitId=" + UNITS.own() + "&size=200", token(actor, pledge.memberId()));
            return listing(page, pledge.id());
        }
    },
    PLEDGE_REVISE("PUT /api/pledges/{id}") {
        @Override
        String call(MatrixActor actor) throws Exception {
            Scenario.Pledge pledge = Scenario.registeredPledge();
            return status(Http.json("PUT", "/api/pledges/" + pledge.id(), token(actor, pledge.memberId()),
                    Scenario.individualPledge(pledge.memberId()), "If-Match", etag(pledge.version())));
        }
    },
    PLEDGE_SELF_ASSESS("POST /api/pledges/{id}/self-assessment") {
        @Override
        String call(MatrixActor actor) throws Exception {
            Scenario.Pledge pledge = Scenario.registeredPledge();
            return status(Http.json("POST", "/api/pledges/" + pledge.id() + "/self-assessment",
                    token(actor, pledge.memberId()), Scenario.selfAssessment(), "If-Match", etag(pledge.version())));
        }
    },
    PLEDGE_EVALUATE("POST /api/pledges/{id}/evaluation") {
        @Override
        String call(MatrixActor actor) throws Exception {
            Scenario.Pledge pledge = Scenario.selfAssessedPledge();
            return status(Http.json("POST", "/api/pledges/" + pledge.id() + "/evaluation",
                    token(actor, pledge.memberId()), Map.of("grade", "GOOD", "comment", "Hoàn thành tốt"),
                    "If-Match", etag(pledge.version())));
        }
    },
    PLEDGE_WITHDRAW("POST /api/pledges/{id}/withdrawal") {
        @Override
        String call(MatrixActor actor) throws Exception {
            Scenario.Pledge pledge = Scenario.registeredPledge();
            return status(Http.json("POST", "/api/pledges/" + pledge.id() + "/withdrawal",
                    token(actor, pledge.memberId()), Map.of("reason", "Chuyển sinh hoạt đảng"),
                    "If-Match", etag(pledge.version())));
        }
    },
    NOMINATION_SUBMIT("POST /api/nominations") {
        @Override
        String call(MatrixActor actor) throws Exception {
            String memberId = Scenario.newMemberId();
            return status(Http.json("POST", "/api/nominations", token(actor, memberId), Scenario.nomination(memberId)));
        }
    },
    NOMINATION_READ("GET /api/nominations/{id}") {
        @Override
        String call(MatrixActor actor) throws Exception {
            Scenario.Nomination nomination = Scenario.submittedNomination();
            return status(Http.get("/api/nominations/" + nomination.id(), token(actor, nomination.memberId())));
        }
    },
    NOMINATION_LIST("GET /api/nominations?unitId={own}") {
        @Override
        String call(MatrixActor actor) throws Exception {
            Scenario.Nomination nomination = Scenario.submittedNomination();
            Reply page = Http.get("/api/nominations?unitId=" + UNITS.own() + "&size=200",
                    token(actor, nomination.memberId()));
            return listing(page, nomination.id());
        }
    },
    NOMINATION_VOTE("POST /api/nominations/{id}/votes") {
        @Override
        String call(MatrixActor actor) throws Exception {
            Scenario.Nomination nomination = Scenario.submittedNomination();
            return status(Http.json("POST", "/api/nominations/" + nomination.id() + "/votes",
                    token(actor, nomination.memberId()), Map.of("approve", true, "comment", "Đồng ý"),
                    "If-Match", etag(nomination.version())));
        }
    },
    NOMINATION_DECIDE("POST /api/nominations/{id}/decision") {
        @Override
        String call(MatrixActor actor) throws Exception {
            Scenario.Nomination nomination = Scenario.submittedNomination();
            return status(Http.json("POST", "/api/nominations/" + nomination.id() + "/decision",
                    token(actor, nomination.memberId()), Map.of("outcome", "REJECTED", "decisionNo", "12-QĐ/TU"),
                    "If-Match", etag(nomination.version())));
        }
    },
    ORG_UNIT_READ("GET /api/org-units/{own}") {
        @Override
        String call(MatrixActor actor) throws Exception {
            return status(Http.get("/api/org-units/" + UNITS.own(), token(actor)));
        }
    },
    ORG_UNIT_ADD("POST /api/org-units") {
        @Override
        String call(MatrixActor actor) throws Exception {
            return status(Http.json("POST", "/api/org-units", token(actor), Scenario.newCell()));
        }
    },
    ORG_UNIT_MEMBER_COUNT("PUT /api/org-units/{own}/member-count") {
        @Override
        String call(MatrixActor actor) throws Exception {
            // the same count again: an allowed change leaves the figures as they were
            long count = Scenario.memberCountOf(UNITS.own());
            return status(Http.json("PUT", "/api/org-units/" + UNITS.own() + "/member-count", token(actor),
                    Map.of("memberCount", count)));
        }
    },
    AGGREGATE_READ("GET /api/aggregates/{own}?year=Y") {
        @Override
        String call(MatrixActor actor) throws Exception {
            return status(Http.get("/api/aggregates/" + UNITS.own() + "?year=" + YEAR, token(actor)));
        }
    },
    AGGREGATE_CHILDREN("GET /api/aggregates/{parent}/children?year=Y") {
        @Override
        String call(MatrixActor actor) throws Exception {
            return status(Http.get("/api/aggregates/" + UNITS.parent() + "/children?year=" + YEAR, token(actor)));
        }
    },
    EXPORT_CSV("GET /api/exports/{own}.csv?year=Y") {
        @Override
        String call(MatrixActor actor) throws Exception {
            return status(Http.get("/api/exports/" + UNITS.own() + ".csv?year=" + YEAR, token(actor)));
        }
    },
    PERIOD_CREATE("POST /api/periods") {
        @Override
        String call(MatrixActor actor) throws Exception {
            return status(Http.json("POST", "/api/periods", token(actor), Scenario.period(Scenario.newPeriodId())));
        }
    },
    PERIOD_LIST("GET /api/periods") {
        @Override
        String call(MatrixActor actor) throws Exception {
            return status(Http.get("/api/periods", token(actor)));
        }
    },
    REPORT_SUBMIT("POST /api/reports") {
        @Override
        String call(MatrixActor actor) throws Exception {
            return status(Http.json("POST", "/api/reports", token(actor), Scenario.report(Scenario.createdPeriod())));
        }
    },
    REPORT_READ("GET /api/reports/{id}") {
        @Override
        String call(MatrixActor actor) throws Exception {
            Scenario.Report report = Scenario.submittedReport();
            return status(Http.get("/api/reports/" + report.id(), token(actor)));
        }
    },
    REPORT_APPROVE("POST /api/reports/{id}/approval") {
        @Override
        String call(MatrixActor actor) throws Exception {
            Scenario.Report report = Scenario.submittedReport();
            return status(Http.json("POST", "/api/reports/" + report.id() + "/approval", token(actor),
                    Map.of("comment", "Đạt yêu cầu"), "If-Match", etag(report.version())));
        }
    },
    REPORT_RETURN("POST /api/reports/{id}/return") {
        @Override
        String call(MatrixActor actor) throws Exception {
            Scenario.Report report = Scenario.submittedReport();
            return status(Http.json("POST", "/api/reports/" + report.id() + "/return", token(actor),
                    Map.of("reason", "Thiếu số liệu"), "If-Match", etag(report.version())));
        }
    },
    COMPLETENESS("GET /api/completeness?unitId={parent}&periodId=Y") {
        @Override
        String call(MatrixActor actor) throws Exception {
            return status(Http.get("/api/completeness?unitId=" + UNITS.parent() + "&periodId=" + YEAR, token(actor)));
        }
    },
    CONFERENCE_CREATE("POST /api/conferences") {
        @Override
        String call(MatrixActor actor) throws Exception {
            return status(Http.json("POST", "/api/conferences", token(actor), Scenario.conference()));
        }
    },
    CONFERENCE_ATTENDANCE("POST /api/conferences/{id}/attendance") {
        @Override
        String call(MatrixActor actor) throws Exception {
            String conference = Scenario.createdConference();
            return status(Http.json("POST", "/api/conferences/" + conference + "/attendance", token(actor),
                    Scenario.checkIn()));
        }
    },
    CONFERENCE_TOTALS("GET /api/conferences/{id}/totals") {
        @Override
        String call(MatrixActor actor) throws Exception {
            String conference = Scenario.createdConference();
            return status(Http.get("/api/conferences/" + conference + "/totals", token(actor)));
        }
    };

    private final String request;

    MatrixEndpoint(String request) {
        this.request = request;
    }

    String request() {
        return request;
    }

    abstract String call(MatrixActor actor) throws Exception;

    static MatrixEndpoint byRequest(String request) {
        return Arrays.stream(values()).filter(endpoint -> endpoint.request.equals(request)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No matrix endpoint " + request));
    }

    private static String status(Reply reply) {
        return String.valueOf(reply.status());
    }

    private static String listing(Reply page, String id) {
        if (page.status() != 200) {
            return status(page);
        }
        return "200 " + (Scenario.lists(page.json(), id) ? "listed" : "hidden");
    }
}
