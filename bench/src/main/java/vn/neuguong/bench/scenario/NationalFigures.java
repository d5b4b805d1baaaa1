package vn.neuguong.bench.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.neuguong.bench.client.ApiClient;
import vn.neuguong.bench.client.ApiClient.Identity;
import vn.neuguong.bench.client.ApiResponse;

/** Reads the national aggregate and its provinces' through the public API, as the central board does. */
final class NationalFigures {

    private final ApiClient api;
    private final Identity board;
    private final int year;

    NationalFigures(ApiClient api, Identity board, int year) {
        this.api = api;
        this.board = board;
        this.year = year;
    }

    long registered() {
        ApiResponse response = api.get(board, "/api/aggregates/vn?year=" + year);
        if (!response.ok()) {
            throw new IllegalStateException("National aggregate: HTTP " + response.status() + " " + response.body());
        }
        return response.body().path("pledges").path("registered").asLong();
    }

    Map<String, Long> registeredByProvince() {
        ApiResponse response = api.get(board, "/api/aggregates/vn/children?year=" + year + "&size=200");
        if (!response.ok()) {
            throw new IllegalStateException("Province aggregates: HTTP " + response.status() + " " + response.body());
        }
        Map<String, Long> byProvince = new HashMap<>();
        var items = response.body().has("items") ? response.body().path("items") : response.body();
        items.forEach(aggregate -> byProvince.put(aggregate.path("unitId").asString(),
                aggregate.path("pledges").path("registered").asLong()));
        return byProvince;
    }

    /** How many pledges of the year are stored under the unit, as the pledge service counts them. */
    long stored(String unitId) {
        ApiResponse response = api.get(board, "/api/pledges?unitId=" + unitId + "&year=" + year + "&size=1");
        if (!response.ok()) {
            throw new IllegalStateException("Pledges of " + unitId + ": HTTP " + response.status() + " " + response.body());
        }
        return response.body().path("total").asLong();
    }

    /** The current provinces and up to {@code perProvince} of each one's communes. */
    List<Commune> communes(int perProvince) {
        List<Commune> communes = new ArrayList<>();
        for (var province : children("vn")) {
            if (!"PROVINCE".equals(province.path("level").asString()) || !province.path("validTo").isNull()) {
                continue;
            }
            String provinceId = province.path("id").asString();
            List<tools.jackson.databind.JsonNode> children = children(provinceId);
            for (int i = 0; i < Math.min(perProvince, children.size()); i++) {
                communes.add(new Commune(children.get(i).path("id").asString(), provinceId));
            }
        }
        return communes;
    }

    record Commune(String id, String provinceId) {
    }

    private List<tools.jackson.databind.JsonNode> children(String unitId) {
        ApiResponse response = api.get(board, "/api/org-units/" + unitId + "/children?size=200");
        if (!response.ok()) {
            throw new IllegalStateException("Children of " + unitId + ": HTTP " + response.status());
        }
        List<tools.jackson.databind.JsonNode> units = new ArrayList<>();
        response.body().path("items").forEach(units::add);
        return units;
    }
}
