package vn.neuguong.platform.web;

/**
 * An entity's version travels as its ETag, {@code "3"}; {@code If-Match} brings it back (bare {@code 3} and weak
 * {@code W/"3"} forms are accepted too), so a stale update is refused instead of overwriting someone's change.
 */
public final class EntityTags {

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** @return the version the caller last read, or null when there is no If-Match or it is {@code *} */
    public static Long versionIn(String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be the ETag the resource was read with, e.g. \"3\"");
        }
    }

    private EntityTags() {
    }
}
