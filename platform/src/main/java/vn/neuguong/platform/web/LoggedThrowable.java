package vn.neuguong.platform.web;

/**
 * An exception as it may be logged: the same classes, stack traces and causes, with each message cut short, since a
 * message can quote the request (a parser's excerpt of the body, a parameter's value) and a request is no log's to
 * keep whole.
 */
final class LoggedThrowable extends RuntimeException {

    static final int MAX_MESSAGE = 300;

    private LoggedThrowable(Throwable original, Throwable cause) {
        super(original.getClass().getName() + ": " + abbreviate(original.getMessage()), cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    static Throwable abbreviated(Throwable original) {
        Throwable cause = original.getCause() == null || original.getCause() == original ? null
                : abbreviated(original.getCause());
        return new LoggedThrowable(original, cause);
    }

    private static String abbreviate(String message) {
        if (message == null || message.length() <= MAX_MESSAGE) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE) + "… (" + (message.length() - MAX_MESSAGE) + " more characters)";
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
