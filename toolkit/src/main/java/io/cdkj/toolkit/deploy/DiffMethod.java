package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How {@code cdkj diff} learns what would change ({@code -m/--method}), with the Node CDK CLI's names. */
public enum DiffMethod {
    /** A change set when one can be created (WRITE credentials), else the templates (the default). */
    AUTO("auto"),
    /** A change set (WRITE credentials, the deploy role), to show replacements; fails if it cannot be created. */
    CHANGE_SET("change-set"),
    /** The deployed template against the new one, with READ credentials (the lookup role) only. */
    TEMPLATE("template");

    private final String cliName;

    DiffMethod(String cliName) {
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
    public static DiffMethod parse(String value) {
        for (DiffMethod choice : values()) {
            if (choice.cliName.equals(value)) {
                return choice;
            }
        }
        throw new ToolkitException(ErrorCode.USAGE, "Invalid --method '" + value + "': expected one of "
                + Arrays.stream(values()).map(DiffMethod::cliName).collect(Collectors.joining(", ")) + ".");
    }
}
