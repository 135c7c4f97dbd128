package io.cdkj.toolkit.config;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code -c/--context KEY=VALUE} arguments the way the CDK CLI does: split at the first
 * {@code =}; the value is kept as a string (the CDK CLI does not parse it as JSON, and apps read e.g.
 * {@code -c count=5} as the string {@code "5"}); a later assignment of the same key wins; keys
 * starting with {@code aws:} are reserved for the CDK. Unlike the CDK CLI, which only warns, an
 * argument without {@code =} is an error. Stateless.
 */
public final class ContextArguments {

    private ContextArguments() {
    }

    /**
     * @throws ToolkitException {@link ErrorCode#USAGE} naming the argument when it is not
     *     {@code KEY=VALUE} or uses a reserved key
     */
    public static Map<String, Object> parse(List<String> assignments) {
        Map<String, Object> context = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new ToolkitException(ErrorCode.USAGE, "Context argument is not an assignment (key=value): '"
                        + assignment + "'. Write it as --context KEY=VALUE.");
            }
            String key = assignment.substring(0, equals);
            if (key.startsWith("aws:")) {
                throw new ToolkitException(ErrorCode.USAGE, "User-provided context cannot use keys prefixed with"
                        + " 'aws:', but " + key + " was provided.");
            }
            context.put(key, assignment.substring(equals + 1));
        }
        return context;
    }
}
