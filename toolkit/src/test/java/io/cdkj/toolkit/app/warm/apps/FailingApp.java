package io.cdkj.toolkit.app.warm.apps;

/** A stand-in app whose main throws after printing to stderr. */
public final class FailingApp {

    private FailingApp() {
    }

    public static void main(String[] args) {
        System.err.println("failing app: about to fail");
        throw new IllegalStateException("boom in main");
    }
}
