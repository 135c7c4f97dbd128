package io.cdkj.toolkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackGraphTest {

    private final StackWork work = new StackWork();

    @Test
    void closures_followDependenciesOrDependentsTransitively() {
        // given: network <- app <- monitoring; other depends on nothing
        StackGraph graph = graph("network", "", "app", "network", "monitoring", "app", "other", "");

        // then
        assertThat(graph.withDependencies(List.of("monitoring"))).containsExactlyInAnyOrder("monitoring", "app", "network");
        assertThat(graph.withDependents(List.of("network"))).containsExactlyInAnyOrder("network", "app", "monitoring");
        assertThat(graph.withDependencies(List.of("other", "app"))).containsExactlyInAnyOrder("other", "app", "network");
    }

    @Test
    void of_dependencyOutsideTheGraph_isDropped() {
        // given: app depends on a stack that is not part of this graph (not selected: assumed deployed)
        StackGraph graph = graph("app", "network");

        // then
        assertThat(graph.ids()).containsExactly("app");
        assertThat(graph.dependenciesOf("app")).isEmpty();
        assertThat(graph.order()).containsExactly("app");
    }

    @Test
    void order_putsDependenciesFirstAndOtherwiseKeepsTheOrderGiven() {
        // given
        StackGraph graph = graph("app", "network,db", "unrelated", "", "network", "", "db", "network");

        // then
        assertThat(graph.order()).containsExactly("unrelated", "network", "db", "app");
        assertThat(graph.reverseOrder()).containsExactly("app", "unrelated", "db", "network");
    }

    @Test
    void order_cycle_failsNamingOnlyTheStacksOnTheCycle() {
        // given: a <-> b is a cycle; c depends on it, d is depended on by it, e is unrelated
        StackGraph graph = graph("a", "b,d", "b", "a", "c", "a", "d", "", "e", "");

        // then
        for (Runnable order : List.<Runnable>of(graph::order, graph::reverseOrder)) {
            assertThatThrownBy(order::run)
                    .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ASSEMBLY))
                    .hasMessage("Stacks depend on each other in a cycle: [a, b] (remove one of the dependencies in the app)");
        }
    }

    @Test
    void order_stackDependingOnItself_isACycle() {
        assertThatThrownBy(() -> graph("a", "a", "b", "").order()).hasMessageContaining("cycle: [a]");
    }

    @Test
    void work_ofBuildingClosingAndOrderingAChain_isLinearInItsEdges() {
        // given: a chain of 10,000 stacks, each depending on the one before: the worst case for a
        // closure computed stack by stack (every stack reaches every stack before it)
        int n = 10_000;
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            dependencies.put("s" + i, i == 0 ? List.of() : List.of("s" + (i - 1)));
        }
        long edges = n - 1;

        // when
        StackGraph graph = StackGraph.of(dependencies, work);
        long afterBuild = work.edgeVisits();
        List<String> all = new ArrayList<>(graph.ids());
        assertThat(graph.withDependencies(all)).hasSize(n);
        long afterClosure = work.edgeVisits();
        assertThat(graph.order()).containsExactlyElementsOf(all);
        long afterOrder = work.edgeVisits();

        // then: each step visits each edge a small constant number of times
        assertThat(afterBuild).isEqualTo(edges);
        assertThat(afterClosure - afterBuild).isEqualTo(edges);
        assertThat(afterOrder - afterClosure).isEqualTo(edges);
    }

    /** {@code id, "dep1,dep2", id, "", ...} in order. */
    private StackGraph graph(String... idsAndDependencies) {
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        for (int i = 0; i < idsAndDependencies.length; i += 2) {
            String deps = idsAndDependencies[i + 1];
            dependencies.put(idsAndDependencies[i], deps.isEmpty() ? List.of() : List.of(deps.split(",")));
        }
        return StackGraph.of(dependencies, work);
    }
}
