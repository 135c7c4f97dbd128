package io.cdkj.toolkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NodeJson} writes what Node's {@code JSON.stringify(x, undefined, 2)} writes. */
class NodeJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Escapes, numbers, empty containers, integer-like keys, non-ASCII. */
    private static final String TRICKY = """
            {"b": 1, "10": "ten", "2": "two", "02": "not an index", "a": [], "o": {}, "nested": {"x": [1, {"y": null}]},
             "floats": [1.0, 0.5, -0.0, 1e21, 1e-7, 123456789.125, 1.5e300, 0.000001, 100, 2.5e-8],
             "big": 123456789012345678,
             "text": "quote \\" backslash \\\\ tab \\t nl \\n cr \\r bs \\b ff \\f ctl \\u0001 del \\u007f \\u2028 é 😀 /",
             "bool": [true, false]}""";

    @Test
    void stringify_trickyDocument_matchesNodesJsonStringify() throws Exception {
        // given
        Path node = node();
        assumeThat(node).as("node on PATH").isNotNull();
        JsonNode document = JSON.readTree(TRICKY);

        // when
        String ours = NodeJson.stringify(document);

        // then
        assertThat(ours).isEqualTo(nodeStringify(node, TRICKY));
    }

    @Test
    void stringify_emptyContainersAndKeyOrder_asJavaScriptOrdersThem() throws Exception {
        assertThat(NodeJson.stringify(JSON.readTree("{\"z\": [], \"3\": {}, \"1\": 1.0}"))).isEqualTo("""
                {
                  "1": 1,
                  "3": {},
                  "z": []
                }""");
    }

    @Test
    void number_javaScriptFormatting() {
        assertThat(NodeJson.number(1.0)).isEqualTo("1");
        assertThat(NodeJson.number(1e21)).isEqualTo("1e+21");
        assertThat(NodeJson.number(1e20)).isEqualTo("100000000000000000000");
        assertThat(NodeJson.number(1e-7)).isEqualTo("1e-7");
        assertThat(NodeJson.number(0.000001)).isEqualTo("0.000001");
        assertThat(NodeJson.number(-2.5)).isEqualTo("-2.5");
        assertThat(NodeJson.number(Double.NaN)).isEqualTo("null");
    }

    private static String nodeStringify(Path node, String json) throws Exception {
        Process process = new ProcessBuilder(node.toString(), "-e",
                "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>process.stdout.write("
                        + "JSON.stringify(JSON.parse(s),undefined,2)))").start();
        process.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return out;
    }

    private static Path node() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "node"))) {
                return Path.of(dir, "node");
            }
        }
        return null;
    }
}
