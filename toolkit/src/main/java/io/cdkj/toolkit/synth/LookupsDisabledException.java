package io.cdkj.toolkit.synth;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.List;

/**
 * The app needs context lookups, but the synth was not allowed to make them ({@code --no-lookups}, or a
 * command that promises no AWS call). Carries the missing keys, so callers decide on the type.
 */
public final class LookupsDisabledException extends ToolkitException {

    private static final long serialVersionUID = 1L;

    private final List<String> missingKeys;

    public LookupsDisabledException(List<String> missingKeys) {
        super(ErrorCode.USAGE, "Context lookups have been disabled (--no-lookups). Make sure all necessary context"
                + " is already in 'cdk.context.json' by running 'cdkj synth' with sufficient AWS credentials and"
                + " committing the result. Missing context keys: '" + String.join(", ", missingKeys) + "'");
        this.missingKeys = List.copyOf(missingKeys);
    }

    /** The context keys the app is missing. */
    public List<String> missingKeys() {
        return missingKeys;
    }
}
