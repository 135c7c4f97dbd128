package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which changes need a person's approval before a deployment executes ({@code --require-approval},
 * {@code "requireApproval"} in cdk.json), with the Node CDK CLI's names and default.
 */
public enum RequireApproval {
    /** Never ask. */
    NEVER("never"),
    /** Ask for any change to a stack. */
    ANY_CHANGE("any-change"),
    /** Ask when the security-relevant changes widen permissions (the default). */
    BROADENING("broadening");

    private final String cliName;

    RequireApproval(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line and in cdk.json. */
    public String cliName() {
        return cliName;
    }

    /**
     * Parses a command-line or cdk.json value.
     *
     * @param source where the value came from, for the message ({@code --require-approval}, {@code "requireApproval" in cdk.json})
     * @throws ToolkitException ({@link ErrorCode#USAGE}) naming the value and the choices
     */
    public static RequireApproval parse(String value, String source) {
        for (RequireApproval choice : values()) {
            if (choice.cliName.equals(value)) {
                return choice;
            }
        }
        String hint = value.equals("destructive")
                ? " ('destructive' is not supported yet: use any-change to review every change)" : "";
        throw new ToolkitException(ErrorCode.USAGE, "Invalid " + source + " '" + value + "': expected one of "
                + Arrays.stream(values()).map(RequireApproval::cliName).collect(Collectors.joining(", ")) + hint + ".");
    }
}
