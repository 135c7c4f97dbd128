package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How {@code cdkj deploy} changes a stack ({@code -m/--method}), with the Node CDK CLI's names. */
public enum DeployMethod {
    /** CreateStack / UpdateStack directly: no change set (and no change list before it runs). */
    DIRECT("direct"),
    /** Create a change set, show its changes, execute it (the default). */
    CHANGE_SET("change-set"),
    /** Create a change set and stop: review it, then {@code --method execute-change-set}. */
    PREPARE_CHANGE_SET("prepare-change-set"),
    /** Execute a change set created earlier ({@code --change-set-name}). */
    EXECUTE_CHANGE_SET("execute-change-set");

    private final String cliName;

    DeployMethod(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line. */
    public String cliName() {
        return cliName;
    }

    /**
     * Parses {@code --method}.
     *
     * @throws ToolkitException ({@link ErrorCode#USAGE}) naming the value and the choices
     */
    public static DeployMethod parse(String value) {
        for (DeployMethod choice : values()) {
            if (choice.cliName.equals(value)) {
                return choice;
            }
        }
        throw new ToolkitException(ErrorCode.USAGE, "Invalid --method '" + value + "': expected one of "
                + Arrays.stream(values()).map(DeployMethod::cliName).collect(Collectors.joining(", ")) + ".");
    }
}
