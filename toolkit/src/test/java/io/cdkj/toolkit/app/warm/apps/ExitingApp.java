package io.cdkj.toolkit.app.warm.apps;

/** A stand-in app whose main ends with System.exit, as some hand-written CDK apps do. */
public final class ExitingApp {

    private ExitingApp() {
    }

    public static void main(String[] args) {
        System.out.println("exiting app: bye");
        System.exit(3);
    }
}
