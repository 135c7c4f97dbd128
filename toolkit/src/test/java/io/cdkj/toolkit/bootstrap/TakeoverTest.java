package io.cdkj.toolkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A bootstrap stack of another variant or a newer version is left alone unless --force. */
class TakeoverTest {

    private static final BootstrapTemplate OURS = BootstrapTemplate.bundled();

    @Test
    void decide_noStackOrSameVariantAndVersion_proceeds() {
        assertThat(Takeover.decide(OURS, Optional.empty(), false)).isInstanceOf(Takeover.Proceed.class);
        assertThat(Takeover.decide(OURS, Optional.of(stack("cdkj: Default Resources", 33)), false))
                .isInstanceOf(Takeover.Proceed.class);
        assertThat(Takeover.decide(OURS, Optional.of(stack("cdkj: Default Resources", 21)), false))
                .as("an upgrade").isInstanceOf(Takeover.Proceed.class);
    }

    @Test
    void decide_theNodeClisStack_isRefusedWithoutForce() {
        // when
        Takeover decision = Takeover.decide(OURS, Optional.of(stack("AWS CDK: Default Resources", 30)), false);

        // then
        assertThat(decision).isInstanceOfSatisfying(Takeover.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(Takeover.Reason.OTHER_VARIANT);
            assertThat(refused.message()).contains("'AWS CDK: Default Resources'", "'cdkj: Default Resources'", "--force");
        });
        assertThat(Takeover.decide(OURS, Optional.of(stack("AWS CDK: Default Resources", 30)), true))
                .isInstanceOf(Takeover.Proceed.class);
    }

    @Test
    void decide_newerVersion_isRefusedWithoutForce() {
        // when
        Takeover decision = Takeover.decide(OURS, Optional.of(stack("cdkj: Default Resources", 40)), false);

        // then
        assertThat(decision).isInstanceOfSatisfying(Takeover.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(Takeover.Reason.DOWNGRADE);
            assertThat(refused.message()).contains("version 40", "newer than 33", "--force");
        });
        assertThat(Takeover.decide(OURS, Optional.of(stack("cdkj: Default Resources", 40)), true))
                .isInstanceOf(Takeover.Proceed.class);
    }

    private static CurrentBootstrap stack(String variant, int version) {
        return new CurrentBootstrap("CDKToolkit", Map.of(), false, version, variant, "UPDATE_COMPLETE", Map.of());
    }
}
