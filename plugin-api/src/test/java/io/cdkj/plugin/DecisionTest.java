package io.cdkj.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void decline_keepsReason() {
        Decision decision = Decision.decline("no role configured for account 111111111111");

        assertThat(decision.canProvide()).isFalse();
        assertThat(decision.reason()).isEqualTo("no role configured for account 111111111111");
    }

    @Test
    void decline_withBlankReason_isRejected() {
        assertThatThrownBy(() -> Decision.decline("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
    }

    @Test
    void provide_hasNoReason() {
        assertThat(Decision.provide().canProvide()).isTrue();
        assertThat(Decision.provide().reason()).isEmpty();
        assertThatThrownBy(() -> new Decision(true, "why")).isInstanceOf(IllegalArgumentException.class);
    }
}
