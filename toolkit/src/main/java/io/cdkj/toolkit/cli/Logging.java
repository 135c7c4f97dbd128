package io.cdkj.toolkit.cli;

import java.util.List;

/**
 * Sets slf4j-simple's levels from the command line before the first logger exists: quiet by default
 * (warnings only), {@code --verbose} shows what the toolkit does, {@code --debug} adds details. Logs
 * go to standard error. A level given explicitly with {@code -Dorg.slf4j.simpleLogger...} wins.
 *
 * <p>slf4j-simple reads its configuration once per JVM, so in-process tests see the levels of the
 * first invocation (or of their own system properties).
 */
final class Logging {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    static void configure(List<String> args) {
        String toolkitLevel = args.contains("--debug") ? "debug"
                : args.contains("--verbose") || args.contains("-v") ? "info" : "warn";
        setIfAbsent("defaultLogLevel", "warn");
        setIfAbsent("log.io.cdkj", toolkitLevel);
        // The SDK's signers log canonical requests, session-token header included, at debug level:
        // keep them quiet even when someone turns the default level up.
        setIfAbsent("log.software.amazon.awssdk.auth.signer", "warn");
        setIfAbsent("log.software.amazon.awssdk.http.auth", "warn");
        setIfAbsent("logFile", "System.err");
        setIfAbsent("showThreadName", "false");
        setIfAbsent("showLogName", "false");
        setIfAbsent("levelInBrackets", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
