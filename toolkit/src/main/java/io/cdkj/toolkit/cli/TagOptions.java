package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --tags KEY=VALUE} values, for the commands that tag stacks. Stateless. */
final class TagOptions {

    private TagOptions() {
    }

    /** @throws ToolkitException ({@link ErrorCode#USAGE}) for a value without {@code =} or with an empty key */
    static Map<String, String> parse(List<String> values) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String value : values) {
            int equals = value.indexOf('=');
            if (equals <= 0) {
                throw new ToolkitException(ErrorCode.USAGE, "--tags '" + value + "' is not KEY=VALUE (e.g. --tags team=platform)");
            }
            tags.put(value.substring(0, equals), value.substring(equals + 1));
        }
        return tags;
    }
}
