package vn.neuguong.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggedThrowableTest {

    @Test
    void messagesAreCutShortAlongTheWholeCauseChainAndStackTracesKept() {
        String body = "{\"text\":\"" + "x".repeat(300_000) + "\"}";
        IllegalStateException original = new IllegalStateException("cannot decode " + body,
                new IllegalArgumentException(body));

        Throwable logged = LoggedThrowable.abbreviated(original);

        assertThat(logged.getMessage()).startsWith("java.lang.IllegalStateException: cannot decode {\"text\":\"xxx")
                .hasSizeLessThan(LoggedThrowable.MAX_MESSAGE + 100).contains("more characters");
        assertThat(logged.getStackTrace()).isEqualTo(original.getStackTrace());
        assertThat(logged.getCause().getMessage()).startsWith("java.lang.IllegalArgumentException: {\"text\"")
                .hasSizeLessThan(LoggedThrowable.MAX_MESSAGE + 100);
        assertThat(logged.getCause().getCause()).isNull();
    }
}
