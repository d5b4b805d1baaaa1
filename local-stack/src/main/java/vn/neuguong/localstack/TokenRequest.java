package vn.neuguong.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.neuguong.contracts.Role;

/** Who a development token is for. {@code name} defaults to {@code sub}; {@code roles} may be empty. */
public record TokenRequest(String sub, String name, String unitId, List<Role> roles) {

    public TokenRequest {
        roles = List.copyOf(roles);
    }

    /**
     * Reads the JSON body of {@code POST /token}.
     *
     * @throws InvalidTokenRequestException naming every field that is missing or wrong
     */
    public static TokenRequest fromJson(Map<String, Object> json) {
        List<InvalidTokenRequestException.FieldProblem> problems = new ArrayList<>();
        for (String field : json.keySet()) {
            if (!List.of("sub", "name", "unitId", "roles").contains(field)) {
                problems.add(new InvalidTokenRequestException.FieldProblem(field, "unknown field"));
            }
        }
        String sub = text(json, "sub", true, problems);
        String unitId = text(json, "unitId", true, problems);
        String name = text(json, "name", false, problems);
        List<Role> roles = roles(json.get("roles"), problems);
        if (!problems.isEmpty()) {
            throw new InvalidTokenRequestException(problems);
        }
        return new TokenRequest(sub, name == null ? sub : name, unitId, roles);
    }

    private static String text(Map<String, Object> json, String field, boolean required,
                               List<InvalidTokenRequestException.FieldProblem> problems) {
        Object value = json.get(field);
        if (value != null && !(value instanceof String)) {
            problems.add(new InvalidTokenRequestException.FieldProblem(field, "must be a string"));
            return null;
        }
        String text = value == null ? "" : ((String) value).strip();
        if (text.isEmpty()) {
            if (required) {
                problems.add(new InvalidTokenRequestException.FieldProblem(field, "must not be blank"));
            }
            return null;
        }
        return text;
    }

    private static List<Role> roles(Object value, List<InvalidTokenRequestException.FieldProblem> problems) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> names)) {
            problems.add(new InvalidTokenRequestException.FieldProblem("roles", "must be an array of role names"));
            return List.of();
        }
        List<Role> roles = new ArrayList<>();
        for (Object name : names) {
            Role role = name instanceof String text ? roleNamed(text) : null;
            if (role == null) {
                problems.add(new InvalidTokenRequestException.FieldProblem("roles",
                        "unknown role " + name + "; known roles: " + List.of(Role.values())));
            } else if (!roles.contains(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static Role roleNamed(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        return null;
    }
}
