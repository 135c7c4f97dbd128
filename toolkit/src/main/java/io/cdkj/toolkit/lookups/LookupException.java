package io.cdkj.toolkit.lookups;

/** A lookup found nothing, or too much; the message is shown to the user on the construct. */
public final class LookupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LookupException(String message) {
        super(message);
    }
}
