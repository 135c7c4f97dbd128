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
}
