package io.cdkj.toolkit.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.config.NodeJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code --outputs-file}: {@code {"stack": {"Key": "value"}}}, keys sorted, formatted as the Node
 * CDK CLI writes it ({@link NodeJson}, a trailing newline). Stateless.
 */
final class OutputsFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutputsFile() {
    }

    /**
     * Writes the outputs of the stacks that deployed (or had no changes).
     *
     * @throws ToolkitException ({@link ErrorCode#USAGE}) naming the file when it cannot be written
     */
    static void write(Path file, List<StackResult> results) {
        Map<String, Map<String, String>> outputs = new TreeMap<>();
        results.stream().filter(r -> r.outcome().ok())
                .forEach(r -> outputs.put(r.stackName(), new TreeMap<>(r.outputs())));
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, NodeJson.stringify(JSON.valueToTree(outputs)) + "\n");
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.USAGE, "Cannot write --outputs-file " + file + ": " + e.getMessage(), e);
        }
    }
}
