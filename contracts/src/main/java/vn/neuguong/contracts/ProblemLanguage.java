package vn.neuguong.contracts;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The languages of the API's problem+json answers, chosen by {@code Accept-Language}, and their titles by HTTP status
 * ({@code problem-titles*.properties} next to this class). The gateway and every service answer in the same
 * language with the same titles; each keeps its own details.
 */
public final class ProblemLanguage {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, VIETNAMESE);
    private static final String TITLES = "vn.neuguong.contracts.problem-titles";
    // never the machine's default locale: a language the caller did not ask for
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The best supported language of an Accept-Language header; English when it names none of them. */
    public static Locale localeOf(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return best == null ? Locale.ENGLISH : best;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    /** The title of a problem with this status in the language, or null for a status without one. */
    public static String title(int status, Locale locale) {
        try {
            return ResourceBundle.getBundle(TITLES, locale, ProblemLanguage.class.getClassLoader(), NO_FALLBACK)
                    .getString("title." + status);
        } catch (MissingResourceException unknown) {
            return null;
        }
    }

    private ProblemLanguage() {
    }
}
