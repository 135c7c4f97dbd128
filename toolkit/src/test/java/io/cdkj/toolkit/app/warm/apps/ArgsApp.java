package io.cdkj.toolkit.app.warm.apps;

/** A stand-in app: prints each argument it got, with line ends and tabs made visible, one per line. */
public final class ArgsApp {

    private ArgsApp() {
    }

    public static void main(String[] args) {
        for (String arg : args) {
            System.out.println("<" + arg.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
                    .replace("\t", "\\t").replace("\f", "\\f") + ">");
        }
    }
}
