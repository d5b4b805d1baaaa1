package vn.neuguong.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatusCode;

import vn.neuguong.contracts.ProblemLanguage;

/**
 * The texts of problems in the reader's language (Accept-Language: Vietnamese or English, chosen and titled by the
 * contracts' {@link ProblemLanguage}, as the gateway does). Code everywhere writes
 * its messages in English, the API's default language; the {@code problem-messages_vi} bundle translates them by
 * template: a message's numbers and bracketed lists become the arguments {0}, {1}, … and the rest, spaces as
 * underscores, is the key ({@code must be at most 500 characters} → {@code message.must_be_at_most_{0}_characters}).
 * A message the bundle does not know stays in English, so a new message is never lost, only untranslated.
 */
public final class ProblemMessages {

    public static final Locale VIETNAMESE = ProblemLanguage.VIETNAMESE;
    private static final Pattern ARGUMENT = Pattern.compile("\\[[^\\]]*\\]|\\d+(?:[.,]\\d+)*");

    private final MessageSource messages;

    ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The bundles {@code problem-messages*.properties} of the platform module. */
    public static ProblemMessages bundled() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("problem-messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new ProblemMessages(source);
    }

    /** The best supported language of an Accept-Language header; English when it names none of them. */
    public static Locale localeOf(String acceptLanguage) {
        return ProblemLanguage.localeOf(acceptLanguage);
    }

    public String title(HttpStatusCode status, String englishTitle, Locale locale) {
        String title = ProblemLanguage.title(status.value(), locale);
        return title == null ? englishTitle : title;
    }

    /** The message in the locale's language, or as it is when the bundle has no template for it. */
    public String translate(String englishMessage, Locale locale) {
        if (englishMessage == null || Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return englishMessage;
        }
        List<String> arguments = new ArrayList<>();
        Matcher matcher = ARGUMENT.matcher(englishMessage);
        StringBuilder template = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(template, Matcher.quoteReplacement("{" + arguments.size() + "}"));
            arguments.add(matcher.group());
        }
        matcher.appendTail(template);
        String key = "message." + template.toString().strip().replace(' ', '_');
        // no default message: Spring would run it through MessageFormat, which eats apostrophes
        String translated = messages.getMessage(key, arguments.toArray(), null, locale);
        return translated == null ? englishMessage : translated;
    }

    public FieldProblem translate(FieldProblem problem, Locale locale) {
        return new FieldProblem(problem.field(), translate(problem.message(), locale));
    }

    public List<FieldProblem> translate(List<FieldProblem> problems, Locale locale) {
        return problems.stream().map(problem -> translate(problem, locale)).toList();
    }

    /** The detail of an invalid input: the one field and its problem, or how many fields are invalid. */
    public String invalidInputDetail(List<FieldProblem> problems, Locale locale) {
        return problems.size() == 1 ? problems.get(0).field() + ": " + translate(problems.get(0).message(), locale)
                : translate(problems.size() + " fields are invalid", locale);
    }
}
