package io.cdkj.toolkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.ToolkitException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextArgumentsTest {

    @Test
    void parse_splitsAtFirstEquals_andKeepsValuesAsStrings() {
        assertThat(ContextArguments.parse(List.of("count=5", "flag=true", "json={\"a\":1}", "url=a=b", "empty=")))
                .containsEntry("count", "5")
                .containsEntry("flag", "true")
                .containsEntry("json", "{\"a\":1}")
                .containsEntry("url", "a=b")
                .containsEntry("empty", "");
    }

    @Test
    void parse_laterAssignmentWins() {
        assertThat(ContextArguments.parse(List.of("k=1", "k=2"))).containsEntry("k", "2").hasSize(1);
    }

    @Test
    void parse_withoutEquals_failsNamingTheArgument() {
        assertThatThrownBy(() -> ContextArguments.parse(List.of("justakey")))
                .isInstanceOf(ToolkitException.class)
                .hasMessageContaining("'justakey'")
                .hasMessageContaining("KEY=VALUE");
    }

    @Test
    void parse_reservedAwsPrefix_isRejected() {
        assertThatThrownBy(() -> ContextArguments.parse(List.of("aws:cdk:foo=1")))
                .isInstanceOf(ToolkitException.class)
                .hasMessageContaining("aws:cdk:foo");
    }
}
