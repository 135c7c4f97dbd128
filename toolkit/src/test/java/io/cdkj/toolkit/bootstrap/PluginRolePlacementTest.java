package io.cdkj.toolkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.cdkj.toolkit.aws.AwsEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One bootstrap stack per account holds the plugin roles (IAM names are global). */
class PluginRolePlacementTest {

    private static final AwsEnvironment A_WEST = new AwsEnvironment("444455556666", "us-west-2");
    private static final AwsEnvironment A_EU = new AwsEnvironment("444455556666", "eu-west-1");
    private static final AwsEnvironment B_EAST = new AwsEnvironment("777788889999", "us-east-1");

    @Test
    void place_asked_firstRegionOfEachAccount() {
        // given
        Map<AwsEnvironment, Optional<CurrentBootstrap>> current = new LinkedHashMap<>();
        current.put(A_WEST, Optional.empty());
        current.put(A_EU, Optional.empty());
        current.put(B_EAST, Optional.empty());

        // when
        Map<AwsEnvironment, Optional<Boolean>> placed = PluginRolePlacement.place(Optional.of(true), current);

        // then
        assertThat(placed).containsOnly(entry(A_EU, Optional.of(true)), entry(A_WEST, Optional.of(false)),
                entry(B_EAST, Optional.of(true)));
    }

    @Test
    void place_asked_staysWhereTheRolesAlreadyAre() {
        // given: us-west-2 holds them from an earlier run
        Map<AwsEnvironment, Optional<CurrentBootstrap>> current = new LinkedHashMap<>();
        current.put(A_EU, Optional.of(stack("false")));
        current.put(A_WEST, Optional.of(stack("true")));

        // when
        Map<AwsEnvironment, Optional<Boolean>> placed = PluginRolePlacement.place(Optional.of(true), current);

        // then
        assertThat(placed).containsOnly(entry(A_EU, Optional.of(false)), entry(A_WEST, Optional.of(true)));
    }

    @Test
    void place_notAskedOrRemoved_keepsOrRemovesEverywhere() {
        // given
        Map<AwsEnvironment, Optional<CurrentBootstrap>> current = Map.of(A_EU, Optional.of(stack("true")));

        // then
        assertThat(PluginRolePlacement.place(Optional.empty(), current)).containsOnly(entry(A_EU, Optional.empty()));
        assertThat(PluginRolePlacement.place(Optional.of(false), current)).containsOnly(entry(A_EU, Optional.of(false)));
    }

    private static CurrentBootstrap stack(String pluginRoles) {
        return new CurrentBootstrap("CDKToolkit", Map.of("PluginRoles", pluginRoles), false, 33,
                "cdkj: Default Resources", "UPDATE_COMPLETE", Map.of());
    }
}
