package io.cdkj.toolkit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsConcurrencyTest {

    @Test
    void from_nothingSet_isTheDefault() {
        AwsConcurrency concurrency = AwsConcurrency.from(key -> Optional.empty());

        assertThat(concurrency).isEqualTo(AwsConcurrency.DEFAULT);
        assertThat(concurrency.maxParallelEnvironments()).isGreaterThanOrEqualTo(100);
        assertThat(concurrency.maxConnections()).isEqualTo(4 * concurrency.maxParallelEnvironments());
    }

    @Test
    void from_contextValues_asNumbersOrStrings() {
        Map<String, Object> context = Map.of(AwsConcurrency.MAX_PARALLEL_ENVIRONMENTS, "250",
                AwsConcurrency.STS_REQUESTS_PER_SECOND, 50.5);

        assertThat(AwsConcurrency.from(key -> Optional.ofNullable(context.get(key))))
                .isEqualTo(new AwsConcurrency(250, 50.5));
    }

    @Test
    void from_badValue_isAUsageErrorNamingTheKey() {
        for (Object bad : new Object[] {"0", "-3", "2.5", "many"}) {
            assertThatThrownBy(() -> AwsConcurrency.from(key -> key.equals(AwsConcurrency.MAX_PARALLEL_ENVIRONMENTS)
                    ? Optional.of(bad) : Optional.empty()))
                    .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                    .hasMessage("Context key cdkj:maxParallelEnvironments must be a positive whole number, got '" + bad
                            + "'. Fix it in cdk.json or -c cdkj:maxParallelEnvironments=N.");
        }
    }
}
