package vn.neuguong.pledge.pledge;

import vn.neuguong.platform.web.InvalidInputException;

/** A pledge's version travels as its ETag, {@code "3"}; If-Match takes it back (weak or bare forms too). */
final class Versions {

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** @return the version, or null for {@code *} (any version) */
    static Long parseIfMatch(String ifMatch) {
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return null;
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be the pledge's ETag, e.g. \"3\"");
        }
    }

    private Versions() {
    }
}
