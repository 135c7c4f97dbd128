package io.cdkj.toolkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad bootstrap options are refused before any environment is contacted, naming the option. */
class BootstrapOptionsTest {

    @Test
    void build_defaults_nothingGivenAndTheNodeCliStackName() {
        // when
        BootstrapOptions options = BootstrapOptions.builder().build();

        // then
        assertThat(options.toolkitStackName()).isEqualTo("CDKToolkit");
        assertThat(options.trust()).isEmpty();
        assertThat(options.pluginRoles()).isEmpty();
        assertThat(options.force()).isFalse();
    }

    @Test
    void build_duplicates_keptOnceInOrder() {
        assertThat(BootstrapOptions.builder().trust(List.of("222222222222", "111111111111", "222222222222")).build()
                .trust()).containsExactly("222222222222", "111111111111");
    }

    @Test
    void build_badInput_failsAsUsageNamingTheOption() {
        assertUsage(BootstrapOptions.builder().trust(List.of("2222")), "--trust '2222' is not a 12-digit AWS account id");
        assertUsage(BootstrapOptions.builder().trustForLookup(List.of("aws://222222222222/us-east-1")),
                "--trust-for-lookup 'aws://222222222222/us-east-1' is not a 12-digit");
        assertUsage(BootstrapOptions.builder().trust(List.of("222222222222")).untrust(List.of("222222222222")),
                "Accounts cannot be both trusted and untrusted: 222222222222");
        assertUsage(BootstrapOptions.builder().executionPolicies(List.of("AdministratorAccess")),
                "--cloudformation-execution-policies 'AdministratorAccess' is not a policy ARN");
        assertUsage(BootstrapOptions.builder().qualifier("much-too-long"), "--qualifier 'much-too-long' must be 1 to 10");
        assertUsage(BootstrapOptions.builder().toolkitStackName("1stack"), "--toolkit-stack-name '1stack'");
        assertUsage(BootstrapOptions.builder().kmsKeyId("alias/k").customerKey(false),
                "--bootstrap-kms-key-id and --no-bootstrap-customer-key cannot be used together");
        assertUsage(BootstrapOptions.builder().kmsKeyId("alias/k").customerKey(true),
                "--bootstrap-kms-key-id and --bootstrap-customer-key cannot be used together");
        assertUsage(BootstrapOptions.builder().bucketName(" "), "--bootstrap-bucket-name must not be empty");
    }

    private static void assertUsage(BootstrapOptions.Builder builder, String message) {
        assertThatThrownBy(builder::build).isInstanceOf(ToolkitException.class).hasMessageContaining(message)
                .extracting(e -> ((ToolkitException) e).code()).isEqualTo(ErrorCode.USAGE);
    }
}
