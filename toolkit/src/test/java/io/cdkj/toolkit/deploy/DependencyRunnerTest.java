package io.cdkj.toolkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DependencyRunnerTest {

    @Test
    void run_dependencies_startDependentsOnlyAfterTheirDependenciesEnd() {
        // given: app depends on network; unrelated is independent
        List<String> events = new CopyOnWriteArrayList<>();

        // when
        List<StackResult> results = DependencyRunner.run(List.of(stack("app", "network"), stack("network"), stack("unrelated")),
                false, 4, s -> {
                    events.add("start " + s.displayName());
                    events.add("end " + s.displayName());
                    return ok(s);
                });

        // then
        assertThat(results).extracting(StackResult::stackName).containsExactly("app", "network", "unrelated");
        assertThat(events.indexOf("end network")).isLessThan(events.indexOf("start app"));
    }

    @Test
    void run_independentStacks_runInParallel() throws Exception {
        // given: each of two stacks waits until both have started; sequential execution would never finish
        CountDownLatch bothStarted = new CountDownLatch(2);

        // when
        List<StackResult> results = DependencyRunner.run(List.of(stack("dev"), stack("prod")), false, 2, s -> {
            bothStarted.countDown();
            try {
                assertThat(bothStarted.await(10, TimeUnit.SECONDS)).as("the other stack started meanwhile").isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return ok(s);
        });

        // then
        assertThat(results).allMatch(r -> r.outcome() == StackResult.Outcome.DEPLOYED);
    }

    @Test
    void run_dependencyFails_skipsDependentsTransitivelyButNotUnrelatedStacks() {
        // when
        List<StackResult> results = DependencyRunner.run(
                List.of(stack("network"), stack("app", "network"), stack("monitoring", "app"), stack("other")),
                false, 1, s -> s.displayName().equals("network")
                        ? StackResult.failed("network", Duration.ZERO, "CREATE_FAILED")
                        : ok(s));

        // then
        assertThat(results).extracting(StackResult::outcome).containsExactly(StackResult.Outcome.FAILED,
                StackResult.Outcome.SKIPPED, StackResult.Outcome.SKIPPED, StackResult.Outcome.DEPLOYED);
        assertThat(results.get(1).failure()).contains("skipped because network failed");
        assertThat(results.get(2).failure()).contains("skipped because app was skipped");
    }

    @Test
    void run_reverse_destroysDependentsFirst() {
        List<String> order = new CopyOnWriteArrayList<>();

        DependencyRunner.run(List.of(stack("network"), stack("app", "network")), true, 4, s -> {
            order.add(s.displayName());
            return ok(s);
        });

        assertThat(order).containsExactly("app", "network");
    }

    @Test
    void run_cycle_failsNamingTheStacks() {
        assertThatThrownBy(() -> DependencyRunner.run(List.of(stack("a", "b"), stack("b", "a")), false, 1, this::ok))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ASSEMBLY))
                .hasMessageContaining("cycle").hasMessageContaining("a").hasMessageContaining("b");
    }

    @Test
    void run_jobThrows_becomesFailedResultOfThatStackOnly() {
        List<StackResult> results = DependencyRunner.run(List.of(stack("dev"), stack("prod")), false, 2, s -> {
            if (s.displayName().equals("dev")) {
                throw new IllegalStateException("boom in dev");
            }
            return ok(s);
        });

        assertThat(results).extracting(StackResult::outcome)
                .containsExactly(StackResult.Outcome.FAILED, StackResult.Outcome.DEPLOYED);
        assertThat(results.get(0).failure()).contains("boom in dev");
    }

    @Test
    void run_stacksInTwentyEnvironments_runAllAtOnceWithOneEachAllowedPerEnvironment() {
        // given: twenty independent stacks, each in its own account; each waits until all have started
        CyclicBarrier all = new CyclicBarrier(20);
        List<ResolvedStack> stacks = IntStream.range(0, 20).mapToObj(i -> stackIn("s" + i, account(i))).toList();

        // when
        List<StackResult> results = DependencyRunner.run(stacks, false, 1, 128, s -> {
            await(all);
            return ok(s);
        }, StackWork.NONE);

        // then
        assertThat(results).allMatch(r -> r.outcome() == StackResult.Outcome.DEPLOYED);
    }

    @Test
    void run_oneEnvironment_runsAtMostItsConcurrencyAtOnce() {
        // given: six stacks of one environment, two at a time; each waits for a partner
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CyclicBarrier pairs = new CyclicBarrier(2);
        List<ResolvedStack> stacks = IntStream.range(0, 6).mapToObj(i -> stack("s" + i)).toList();

        // when
        List<StackResult> results = DependencyRunner.run(stacks, false, 2, 128, s -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            await(pairs);
            inside.decrementAndGet();
            return ok(s);
        }, StackWork.NONE);

        // then: two at once (they met), never more
        assertThat(results).allMatch(r -> r.outcome() == StackResult.Outcome.DEPLOYED);
        assertThat(most).hasValue(2);
    }

    @Test
    void run_moreEnvironmentsThanTheLimit_runsStacksOfAtMostTheLimitAtOnce() {
        // given: six environments with two stacks each, three environments at a time
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CyclicBarrier threes = new CyclicBarrier(3);
        List<ResolvedStack> stacks = IntStream.range(0, 12).mapToObj(i -> stackIn("s" + i, account(i % 6))).toList();

        // when: one stack per environment at a time
        List<StackResult> results = DependencyRunner.run(stacks, false, 1, 3, s -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            await(threes);
            inside.decrementAndGet();
            return ok(s);
        }, StackWork.NONE);

        // then
        assertThat(results).allMatch(r -> r.outcome() == StackResult.Outcome.DEPLOYED);
        assertThat(most).hasValue(3);
    }

    @Test
    void run_firstOfALongChainFails_skipsTheRestWithoutRecursion() {
        // given: 20,000 stacks, each depending on the one before
        List<ResolvedStack> stacks = IntStream.range(0, 20_000)
                .mapToObj(i -> i == 0 ? stack("c0") : stack("c" + i, "c" + (i - 1))).toList();

        // when
        List<StackResult> results = DependencyRunner.run(stacks, false, 4, 128,
                s -> StackResult.failed(s.stackName(), Duration.ZERO, "CREATE_FAILED"), StackWork.NONE);

        // then
        assertThat(results.get(0).outcome()).isEqualTo(StackResult.Outcome.FAILED);
        assertThat(results.subList(1, results.size())).allMatch(r -> r.outcome() == StackResult.Outcome.SKIPPED);
        assertThat(results.get(19_999).failure()).contains("skipped because c19998 was skipped");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other stacks did not start meanwhile: " + e, e);
        }
    }

    private static String account(int i) {
        return String.format("%012d", 500_000_000_000L + i);
    }

    private static ResolvedStack stackIn(String id, String account) {
        return ResolvedStack.of(TestStacks.stack(id, new AwsEnvironment(account, "us-east-1"), Path.of(id + ".template.json"))
                .build());
    }

    private StackResult ok(ResolvedStack s) {
        return new StackResult(s.stackName(), StackResult.Outcome.DEPLOYED, Map.of(), Duration.ZERO, Optional.empty());
    }

    private static ResolvedStack stack(String id, String... dependencies) {
        return ResolvedStack.of(TestStacks.stack(id, new AwsEnvironment("111111111111", "us-east-2"), Path.of(id + ".template.json"))
                .stackDependencies(List.of(dependencies)).build());
    }
}
