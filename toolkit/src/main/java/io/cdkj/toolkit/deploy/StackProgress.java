package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How stack events are shown while a stack deploys ({@code --progress}, {@code "progress"} in
 * cdk.json), with the Node CDK CLI's names. cdkj has no progress bar: {@code bar} shows the events
 * as {@code events} does, as the Node CLI does itself without a terminal or with several stacks at once.
 */
public enum StackProgress {
    /** The Node CLI's progress bar; events in cdkj. */
    BAR("bar"),
    /** Every stack event, one line each (the default). */
    EVENTS("events"),
    /** Only the events of failing resources. */
    ERRORS_ONLY("errors-only");

    private final String cliName;

    StackProgress(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line. */
    public String cliName() {
        return cliName;
    }

    /**
     * Parses a command-line or cdk.json value.
     *
     * @throws ToolkitException ({@link ErrorCode#USAGE}) naming the value, where it came from and the choices
     */
    public static StackProgress parse(String value, String source) {
        for (StackProgress choice : values()) {
            if (choice.cliName.equals(value)) {
                return choice;
            }
        }
        throw new ToolkitException(ErrorCode.USAGE, "Invalid " + source + " '" + value + "': expected one of "
                + Arrays.stream(values()).map(StackProgress::cliName).collect(Collectors.joining(", ")) + ".");
    }
}
