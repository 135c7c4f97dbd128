package io.cdkj.toolkit.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cdkj.toolkit.ToolkitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextFileTest {

    @TempDir
    Path dir;

    @Test
    void update_newValues_writesLikeTheNodeCliInLookupOrderAndSkipsTransient() throws IOException {
        // given
        ContextFile file = ContextFile.in(dir);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("vpc-provider:b", JsonNodeFactory.instance.objectNode().put("vpcId", "vpc-1")
                .set("isolatedSubnetIds", JsonNodeFactory.instance.arrayNode()));
        values.put("ssm:a", TextNode.valueOf("hello"));
        values.put("ssm:failed", ContextValues.providerError("Need to perform AWS calls for account 111111111111"));

        // when
        file.update(values);

        // then: JSON.stringify(x, undefined, 2) + newline, empty arrays as [], keys in the order looked up
        assertThat(Files.readString(dir.resolve("cdk.context.json"))).isEqualTo("""
                {
                  "vpc-provider:b": {
                    "vpcId": "vpc-1",
                    "isolatedSubnetIds": []
                  },
                  "ssm:a": "hello"
                }
                """);
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void update_existingFile_keepsItsKeyOrderAndAppendsNewKeys() throws IOException {
        // given
        Files.writeString(dir.resolve("cdk.context.json"), "{\"z\": 1, \"acknowledged-issue-numbers\": [1]}");
        ContextFile file = ContextFile.in(dir);

        // when
        file.update(Map.of("ssm:a", TextNode.valueOf("x")));

        // then
        assertThat(file.load().fieldNames()).toIterable().containsExactly("z", "acknowledged-issue-numbers", "ssm:a");
    }

    @Test
    void update_newFile_getsTheDefaultModeNotOwnerOnly() throws IOException {
        // given: what any new file gets in this process (0666 less the umask), as Node's writeFile does
        Path probe = Files.writeString(dir.resolve("probe"), "");
        ContextFile file = ContextFile.in(dir);

        // when
        file.update(Map.of("ssm:a", TextNode.valueOf("x")));

        // then
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir.resolve("cdk.context.json"));
        assertThat(mode).isEqualTo(Files.getPosixFilePermissions(probe));
    }

    @Test
    void update_existingFile_keepsItsMode() throws IOException {
        // given
        Path existing = Files.writeString(dir.resolve("cdk.context.json"), "{}");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-rw-r--"));

        // when
        ContextFile.in(dir).update(Map.of("ssm:a", TextNode.valueOf("x")));

        // then
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rw-rw-r--");
    }

    @Test
    void clear_writesAnEmptyObjectAsTheNodeCliDoes() throws IOException {
        ContextFile.in(dir).clear();

        assertThat(Files.readString(dir.resolve("cdk.context.json"))).isEqualTo("{}\n");
    }

    @Test
    void remove_existingKey_removesOnlyIt() {
        // given
        ContextFile file = ContextFile.in(dir);
        file.update(Map.of("a", TextNode.valueOf("1"), "b", TextNode.valueOf("2")));

        // when
        boolean removed = file.remove("a");

        // then
        assertThat(removed).isTrue();
        assertThat(file.remove("nope")).isFalse();
        assertThat(file.load().fieldNames()).toIterable().containsExactly("b");
    }

    @Test
    void clear_afterValues_leavesEmptyObject() {
        // given
        ContextFile file = ContextFile.in(dir);
        file.update(Map.of("a", TextNode.valueOf("1")));

        // when
        file.clear();

        // then
        assertThat(file.load().isEmpty()).isTrue();
    }

    @Test
    void load_corruptFile_failsNamingFile() throws IOException {
        // given
        Files.writeString(dir.resolve("cdk.context.json"), "{ nope");

        // then
        assertThatThrownBy(() -> ContextFile.in(dir).load()).isInstanceOf(ToolkitException.class)
                .hasMessageContaining(dir.resolve("cdk.context.json").toString());
    }
}
