package io.cdkj.toolkit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.access.CredentialChoice.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code cdkj:credentials}: setting by setting, stack > nearest stage > "*" > the toolkit-wide choice. */
class CredentialOverridesTest {

    private static final StackNames DEV = new StackNames("devSampleApp", "devSampleApp", "devSampleApp");
    private static final StackNames PROD_APP = new StackNames("ProdEuApp", "Prod/Eu/App", "prod-eu-app");
    private static final StackNames PROD_DB = new StackNames("ProdDb", "Prod/Db", "prod-db");

    private static CredentialOverrides overrides(Map<String, ?> value) {
        return CredentialOverrides.parse(Optional.of(value));
    }

    @Test
    void noKey_everyStackGetsTheToolkitDefault() {
        CredentialChoice choice = CredentialOverrides.parse(Optional.empty()).forStack(DEV);

        assertThat(choice).isEqualTo(CredentialChoice.DEFAULT);
        assertThat(choice.profileFrom()).isEqualTo("the toolkit default (--profile, \"profile\" in cdk.json, else AWS_PROFILE)");
        assertThat(choice.pluginsFrom()).isEqualTo("the toolkit default (--plugin, \"plugin\" in cdk.json)");
    }

    @Test
    void precedence_stackOverStageOverAppOverDefault_settingBySetting() {
        CredentialOverrides overrides = overrides(Map.of(
                "*", Map.of("plugin", List.of("profile", "assume-role")),
                "Prod", Map.of("plugin", "assume-role", "profile", "prod-pipeline"),
                "ProdDb", Map.of("profile", "prod-admin")));

        CredentialChoice dev = overrides.forStack(DEV);
        assertThat(dev.source()).isEqualTo(new CredentialSource(Optional.empty(), Optional.of(List.of("profile", "assume-role"))));
        assertThat(dev.profileOrigin().level()).isEqualTo(Level.DEFAULT);
        assertThat(dev.pluginsFrom()).isEqualTo("cdkj:credentials \"*\" (the app's entry)");

        CredentialChoice app = overrides.forStack(PROD_APP);
        assertThat(app.source()).isEqualTo(new CredentialSource(Optional.of("prod-pipeline"), Optional.of(List.of("assume-role"))));
        assertThat(app.profileFrom()).isEqualTo("cdkj:credentials \"Prod\" (its stage's entry)");

        CredentialChoice db = overrides.forStack(PROD_DB);
        assertThat(db.source()).isEqualTo(new CredentialSource(Optional.of("prod-admin"), Optional.of(List.of("assume-role"))));
        assertThat(db.profileFrom()).isEqualTo("cdkj:credentials \"ProdDb\" (the stack's own entry)");
        assertThat(db.pluginsOrigin()).isEqualTo(new CredentialChoice.Origin(Level.STAGE, "Prod"));
    }

    @Test
    void stages_theNearestStageWins() {
        CredentialOverrides overrides = overrides(Map.of(
                "Prod", Map.of("profile", "prod"), "Prod/Eu", Map.of("profile", "prod-eu")));

        assertThat(overrides.forStack(PROD_APP).source().profile()).contains("prod-eu");
        assertThat(overrides.forStack(PROD_DB).source().profile()).contains("prod");
    }

    @Test
    void stackEntry_matchesItsDisplayNameIdOrStackName() {
        for (String name : List.of("Prod/Db", "ProdDb", "prod-db")) {
            assertThat(overrides(Map.of(name, Map.of("profile", "db"))).forStack(PROD_DB).profileOrigin())
                    .isEqualTo(new CredentialChoice.Origin(Level.STACK, name));
        }
    }

    @Test
    void conflict_twoNamesOfOneStackSetTheSameSetting_failsNamingBoth() {
        CredentialOverrides overrides = overrides(Map.of(
                "Prod/Db", Map.of("profile", "a"), "prod-db", Map.of("profile", "b")));

        assertThatThrownBy(() -> overrides.forStack(PROD_DB))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("cdkj:credentials entries \"Prod/Db\" and \"prod-db\" both set \"profile\" for stack Prod/Db "
                        + "(they are two of its names); keep one");
    }

    @Test
    void twoNamesOfOneStack_settingDifferentSettings_combine() {
        CredentialChoice choice = overrides(Map.of(
                "Prod/Db", Map.of("profile", "a"), "prod-db", Map.of("plugin", List.of()))).forStack(PROD_DB);

        assertThat(choice.source()).isEqualTo(new CredentialSource(Optional.of("a"), Optional.of(List.of())));
    }

    @Test
    void contextFlagJson_isParsed() {
        CredentialOverrides overrides = CredentialOverrides.parse(Optional.of("{\"devSampleApp\": {\"plugin\": \"profile\"}}"));

        assertThat(overrides.forStack(DEV).source().plugins()).contains(List.of("profile"));
    }

    @Test
    void requireValid_keyNamingNoStackOrStage_failsListingTheStacks() {
        CredentialOverrides overrides = overrides(Map.of("prodSampleAp", Map.of("profile", "x"), "Prod", Map.of(),
                "*", Map.of()));

        assertThatThrownBy(() -> overrides.requireValid(List.of(DEV, PROD_APP, PROD_DB)))
                .hasMessage("cdkj:credentials has an entry \"prodSampleAp\", which names no stack and no stage of the app "
                        + "(stacks: devSampleApp, Prod/Eu/App, Prod/Db); use a stack's name, a stage's path or \"*\"");
    }

    @Test
    void malformedValues_failNamingTheKey() {
        assertThatThrownBy(() -> CredentialOverrides.parse(Optional.of(List.of("x"))))
                .hasMessageStartingWith("cdkj:credentials must be an object of stack, stage or \"*\" to settings");
        assertThatThrownBy(() -> overrides(Map.of("devSampleApp", "dev")))
                .hasMessage("cdkj:credentials \"devSampleApp\" must be an object with \"profile\" and/or \"plugin\", "
                        + "but it is the string 'dev'");
        assertThatThrownBy(() -> overrides(Map.of("devSampleApp", Map.of("plugins", List.of("profile")))))
                .hasMessage("cdkj:credentials \"devSampleApp\" has the setting \"plugins\"; an entry sets only \"profile\" "
                        + "(an AWS profile name) and \"plugin\" (plugin names, in order)");
        assertThatThrownBy(() -> overrides(Map.of("devSampleApp", Map.of("plugin", List.of("profile", 3)))))
                .hasMessageStartingWith("cdkj:credentials \"devSampleApp\" sets \"plugin\" to the list [profile, 3]");
        assertThatThrownBy(() -> overrides(Map.of("devSampleApp", Map.of("profile", " "))))
                .hasMessage("cdkj:credentials \"devSampleApp\" sets \"profile\" to the string ' '; it must be an AWS "
                        + "profile name");
        assertThatThrownBy(() -> CredentialOverrides.parse(Optional.of("{not json")))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageStartingWith("cdkj:credentials is the string '{not json', which is not JSON");
    }

    @Test
    void stackNames_stagesAreTheLeadingPathsNearestFirst() {
        assertThat(PROD_APP.stages()).containsExactly("Prod/Eu", "Prod");
        assertThat(DEV.stages()).isEmpty();
        assertThat(PROD_DB.own()).containsExactly("Prod/Db", "ProdDb", "prod-db");
    }
}
