package io.cdkj.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void of_copiesDeeplySoLaterChangesAreInvisible() {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("111111111111", "custom-role");
        Map<String, Object> context = new HashMap<>();
        context.put("assume-role-credentials:accounts", overrides);
        List<Object> allowed = new ArrayList<>(List.of("111111111111"));
        context.put("assume-role-credentials:allowedAccounts", allowed);

        Configuration configuration = Configuration.of(context, Map.of("CI", "true"));
        overrides.put("333333333333", "other");
        allowed.add("333333333333");

        assertThat(configuration.contextValue("assume-role-credentials:accounts"))
                .contains(Map.of("111111111111", "custom-role"));
        assertThat(configuration.contextValue("assume-role-credentials:allowedAccounts"))
                .contains(List.of("111111111111"));
        assertThat(configuration.environmentVariable("CI")).contains("true");
    }

    @Test
    void contextWithPrefix_selectsANamespace() {
        Configuration configuration = Configuration.of(Map.of(
                "assume-role-credentials:readIamRoleName", "reader",
                "assume-role-credentials:writeIamRoleName", "writer",
                "@aws-cdk/core:newStyleStackSynthesis", true), Map.of());

        assertThat(configuration.contextWithPrefix("assume-role-credentials:"))
                .containsOnlyKeys("assume-role-credentials:readIamRoleName", "assume-role-credentials:writeIamRoleName");
    }

    @Test
    void views_areUnmodifiable() {
        Configuration configuration = Configuration.of(Map.of("k", Map.of("a", "b")), Map.of());

        assertThatThrownBy(() -> configuration.context().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) configuration.contextValue("k").orElseThrow();
        assertThatThrownBy(() -> nested.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void of_rejectsNonJsonValues() {
        assertThatThrownBy(() -> Configuration.of(Map.of("k", new Object()), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_showsNoValues() {
        Configuration configuration = Configuration.of(Map.of("k", "context-value"), Map.of("AWS_SECRET_ACCESS_KEY", "s3cr3t"));

        assertThat(configuration.toString()).doesNotContain("s3cr3t").doesNotContain("context-value");
    }

    @Test
    void of_valueAtTheDepthLimit_isAccepted() {
        Configuration configuration = Configuration.of(Map.of("deep", nested(Configuration.MAX_NESTING_DEPTH)), Map.of());

        assertThat(configuration.contextValue("deep")).isPresent();
    }

    @Test
    void of_valueDeeperThanTheLimit_failsNamingTheKey_withoutOverflowingTheStack() {
        for (int depth : new int[] {Configuration.MAX_NESTING_DEPTH + 1, 998, 50_000}) {
            assertThatThrownBy(() -> Configuration.of(Map.of("deep", nested(depth)), Map.of()))
                    .as("depth %d", depth)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("context value 'deep' is nested deeper than 100 levels");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void of_nullInsideAList_staysNull() {
        List<Object> withNull = new ArrayList<>();
        withNull.add("a");
        withNull.add(null);

        Configuration configuration = Configuration.of(Map.of("list", withNull), Map.of());

        assertThat((List<Object>) configuration.contextValue("list").orElseThrow()).containsExactly("a", null);
    }

    /** Lists and maps alternating, {@code depth} levels deep, with a string at the bottom. */
    private static Object nested(int depth) {
        Object value = "bottom";
        for (int i = 0; i < depth; i++) {
            value = i % 2 == 0 ? List.of(value) : Map.of("k", value);
        }
        return value;
    }
}
