package io.cdkj.toolkit.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.plugin.CredentialProviderException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class StsPacingTest {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final StsPacing pacing = new StsPacing(1000, Duration.ofSeconds(300), waits::add);

    private static AwsServiceException sts(String code, int status) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("Rate exceeded").build()).build();
    }

    @Test
    void call_throttledTwice_succeedsOnTheThirdAttemptAfterGrowingBackoffs() {
        // given
        AtomicInteger attempts = new AtomicInteger();

        // when
        String result = pacing.call(Optional.of("222222222222"), "us-east-1", () -> {
            if (attempts.incrementAndGet() <= 2) {
                throw sts("Throttling", 400);
            }
            return "ok";
        });

        // then
        assertThat(result).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
        assertThat(pacing.permitsTaken()).isEqualTo(3);
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void call_throttlingInsideAPluginsException_isRecognized() {
        AtomicInteger attempts = new AtomicInteger();

        pacing.call(Optional.empty(), StsPacing.ANY_REGION, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new CredentialProviderException("assume-role could not assume ...", sts("RequestLimitExceeded", 400));
            }
            return "ok";
        });

        assertThat(attempts).hasValue(2);
    }

    @Test
    void call_otherFailure_isNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> pacing.call(Optional.of("111111111111"), "us-east-2", () -> {
            attempts.incrementAndGet();
            throw sts("AccessDenied", 403);
        })).isInstanceOf(AwsServiceException.class);

        assertThat(attempts).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void call_throttledEveryTime_givesUpAfterTheRetriesWithTheLastError() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> pacing.call(Optional.of("111111111111"), "us-east-2", () -> {
            attempts.incrementAndGet();
            throw sts("ThrottlingException", 400);
        })).isInstanceOf(AwsServiceException.class).hasMessageContaining("Rate exceeded");

        assertThat(attempts).hasValue(1 + StsPacing.THROTTLED_RETRIES);
        assertThat(waits).hasSize(StsPacing.THROTTLED_RETRIES);
        assertThat(waits).allMatch(w -> w.compareTo(Duration.ofSeconds(5)) <= 0);
    }

    @Test
    void call_throttledWaitShorterThanTheBackoffs_givesUpWithoutWaitingLonger() {
        // given: a command whose CDKJ_AWS_THROTTLED_WAIT is 1 s (the backoffs would be 0.25–0.5, 0.5–1, 1–2 s)
        StsPacing bounded = new StsPacing(1000, Duration.ofSeconds(1), waits::add);
        AtomicInteger attempts = new AtomicInteger();

        // when / then
        assertThatThrownBy(() -> bounded.call(Optional.of("111111111111"), "us-east-2", () -> {
            attempts.incrementAndGet();
            throw sts("Throttling", 400);
        })).isInstanceOf(AwsServiceException.class);
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(attempts.get()).isBetween(2, StsPacing.THROTTLED_RETRIES);
    }

    @Test
    void call_noThrottledWait_leavesThrottlingToTheSdk() {
        StsPacing none = new StsPacing(1000, Duration.ZERO, waits::add);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> none.call(Optional.of("111111111111"), "us-east-2", () -> {
            attempts.incrementAndGet();
            throw sts("Throttling", 400);
        })).isInstanceOf(AwsServiceException.class);

        assertThat(attempts).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void isThrottling_http429_evenWithoutACode() {
        assertThat(StsPacing.isThrottling(AwsServiceException.builder().statusCode(429).build())).isTrue();
        assertThat(StsPacing.isThrottling(new IllegalStateException("boom"))).isFalse();
    }
}
