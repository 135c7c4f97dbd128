package io.cdkj.toolkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.Parameter;

class ParameterOverridesTest {

    @Test
    void parse_qualifiedAndUnqualified_qualifiedWinsForItsStack() {
        ParameterOverrides overrides = ParameterOverrides.parse(List.of("Env=all", "devSampleApp:Env=dev", "Url=a=b"));

        assertThat(overrides.forStack("devSampleApp")).containsEntry("Env", "dev").containsEntry("Url", "a=b");
        assertThat(overrides.forStack("prodSampleApp")).containsEntry("Env", "all");
        assertThat(overrides.qualifiedFor("devSampleApp")).containsOnlyKeys("Env");
    }

    @Test
    void parse_noEquals_failsWithUsageAndExample() {
        assertThatThrownBy(() -> ParameterOverrides.parse(List.of("devSampleApp:Env")))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining("devSampleApp:Env").hasMessageContaining("STACK:KEY=VALUE");
    }

    @Test
    void resolve_existingStackWithoutValue_usesPreviousValueAlsoWhenTheTemplateHasADefault() throws Exception {
        var template = new ObjectMapper().readTree("{\"Parameters\":{\"A\":{\"Type\":\"String\"},"
                + "\"B\":{\"Type\":\"String\",\"Default\":\"x\"},\"C\":{\"Type\":\"String\"}}}");

        List<Parameter> parameters = TemplateParameters.resolve("s", template, Map.of("C", "given"), Map.of(),
                Set.of("A", "B"));

        // as the Node CDK CLI: a deployed value is kept even when the template has a default
        assertThat(parameters).containsExactly(
                Parameter.builder().parameterKey("A").usePreviousValue(true).build(),
                Parameter.builder().parameterKey("B").usePreviousValue(true).build(),
                Parameter.builder().parameterKey("C").parameterValue("given").build());
    }

    @Test
    void resolve_qualifiedParameterNotDeclared_failsNamingStackAndParameter() throws Exception {
        var template = new ObjectMapper().readTree("{\"Parameters\":{\"A\":{\"Type\":\"String\"}}}");

        assertThatThrownBy(() -> TemplateParameters.resolve("devSampleApp", template, Map.of(), Map.of("Nope", "1"), Set.of()))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining("devSampleApp").hasMessageContaining("'Nope'").hasMessageContaining("[A]");
    }
}
