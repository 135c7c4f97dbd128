package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.deploy.assets.docker.AssetConcurrency;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetParallelismTest {

    @TempDir
    Path dir;

    @Test
    void parse_theCdkClisBooleans_andANumberOfDestinations() {
        assertThat(AssetParallelism.parse("true", 1)).isEqualTo(new AssetConcurrency(8, 1));
        assertThat(AssetParallelism.parse("TRUE", 3)).isEqualTo(new AssetConcurrency(8, 3));
        assertThat(AssetParallelism.parse("false", 3)).as("off: one at a time, builds too").isEqualTo(new AssetConcurrency(1, 1));
        assertThat(AssetParallelism.parse("20", 2)).isEqualTo(new AssetConcurrency(20, 2));
        assertThat(AssetConcurrency.DEFAULT).as("the flag's help says 8").isEqualTo(new AssetConcurrency(8, 1));
    }

    @Test
    void parse_badValues_areUsageErrorsNamingTheFlag() {
        assertThatThrownBy(() -> AssetParallelism.parse("0", 1))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("--asset-parallelism '0' is not true, false or a number of destinations (at least 1)");
        assertThatThrownBy(() -> AssetParallelism.parse("true", 0)).hasMessageContaining("--asset-build-concurrency must be at least 1");
    }

    @Test
    void deploy_badAssetParallelism_exits2BeforeRunningTheApp() {
        CliHarness.Run run = new CliHarness(dir, dir).run("deploy", "--all", "--asset-parallelism=lots", "--app", "false");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--asset-parallelism 'lots' is not true, false or a number of destinations");
    }

    @Test
    void deploy_noAssetParallelismFlag_isAccepted() {
        CliHarness.Run run = new CliHarness(dir, dir).run("deploy", "--all", "--no-asset-parallelism",
                "--asset-build-concurrency", "0", "--app", "false");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--asset-build-concurrency must be at least 1, got 0");
    }
}
