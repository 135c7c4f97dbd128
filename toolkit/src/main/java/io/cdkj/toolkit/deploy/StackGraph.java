package io.cdkj.toolkit.deploy;

import com.google.common.graph.ElementOrder;
import com.google.common.graph.GraphBuilder;
import com.google.common.graph.ImmutableGraph;
import com.google.common.graph.SuccessorsFunction;
import com.google.common.graph.Traverser;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The dependency graph of a set of stacks, over their ids only (whatever type describes a stack, it
 * has an id and the ids it depends on), so selection and ordering need not know the stack type.
 * An edge runs from a stack to each stack it depends on; dependencies on ids outside the graph are
 * dropped (a stack that is not selected is assumed deployed). Every query is linear in the nodes and
 * edges it reaches: closures are one breadth-first traversal from all seeds at once, the order is
 * Kahn's algorithm. {@link StackWork} counts the edges visited, so tests can bound the work.
 *
 * <p>Immutable and thread-safe.
 */
final class StackGraph {

    private final ImmutableGraph<String> dependsOn;
    private final StackWork work;

    private StackGraph(ImmutableGraph<String> dependsOn, StackWork work) {
        this.dependsOn = dependsOn;
        this.work = work;
    }

    /**
     * The graph of {@code dependenciesById}: each key is a stack id, its value the ids it depends on.
     * Iteration order of the map is kept (ties in {@link #order()} follow it).
     */
    static StackGraph of(Map<String, ? extends Collection<String>> dependenciesById, StackWork work) {
        Objects.requireNonNull(work, "work");
        ImmutableGraph.Builder<String> builder = GraphBuilder.directed().allowsSelfLoops(true)
                .nodeOrder(ElementOrder.insertion()).incidentEdgeOrder(ElementOrder.stable())
                .expectedNodeCount(dependenciesById.size()).immutable();
        dependenciesById.keySet().forEach(builder::addNode);
        dependenciesById.forEach((id, dependencies) -> {
            for (String dependency : dependencies) {
                work.edges(1);
                if (dependenciesById.containsKey(dependency)) {
                    builder.putEdge(id, dependency);
                }
            }
        });
        return new StackGraph(builder.build(), work);
    }

    /** The stack ids, in the order given. */
    Set<String> ids() {
        return dependsOn.nodes();
    }

    /** The stacks {@code id} depends on directly, within the graph. */
    Set<String> dependenciesOf(String id) {
        Set<String> dependencies = dependsOn.successors(id);
        work.edges(dependencies.size());
        return dependencies;
    }

    /** The stacks that depend on {@code id} directly, within the graph. */
    Set<String> dependentsOf(String id) {
        Set<String> dependents = dependsOn.predecessors(id);
        work.edges(dependents.size());
        return dependents;
    }

    /** {@code seeds} and everything they depend on, transitively. */
    Set<String> withDependencies(Collection<String> seeds) {
        return reachable(seeds, dependsOn::successors);
    }

    /** {@code seeds} and everything that depends on them, transitively. */
    Set<String> withDependents(Collection<String> seeds) {
        return reachable(seeds, dependsOn::predecessors);
    }

    private Set<String> reachable(Collection<String> seeds, Function<String, Set<String>> next) {
        // Counted when iterated: the traverser also asks for each seed's neighbours just to validate it.
        SuccessorsFunction<String> counted = id -> () -> {
            Set<String> neighbours = next.apply(id);
            work.edges(neighbours.size());
            return neighbours.iterator();
        };
        Set<String> result = new LinkedHashSet<>();
        Traverser.forGraph(counted).breadthFirst(seeds).forEach(result::add);
        return result;
    }

    /**
     * Every stack after all it depends on (the deploy order); among stacks that could go in either
     * order, the one given first goes first (for a graph without edges, the order given).
     *
     * @throws ToolkitException ({@link ErrorCode#ASSEMBLY}) naming the stacks of a dependency cycle
     */
    List<String> order() {
        return kahn(dependsOn::outDegree, this::dependentsOf);
    }

    /**
     * Every stack after all that depend on it (the destroy order); ties as in {@link #order()}.
     *
     * @throws ToolkitException ({@link ErrorCode#ASSEMBLY}) naming the stacks of a dependency cycle
     */
    List<String> reverseOrder() {
        return kahn(dependsOn::inDegree, this::dependenciesOf);
    }

    private List<String> kahn(ToIntFunction<String> blockers, Function<String, Set<String>> unblocks) {
        Map<String, Integer> pending = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        for (String id : dependsOn.nodes()) {
            int count = blockers.applyAsInt(id);
            pending.put(id, count);
            if (count == 0) {
                ready.add(id);
            }
        }
        List<String> order = new ArrayList<>(pending.size());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String next : unblocks.apply(id)) {
                if (pending.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        if (order.size() != pending.size()) {
            throw new ToolkitException(ErrorCode.ASSEMBLY, "Stacks depend on each other in a cycle: " + cycle(pending)
                    + " (remove one of the dependencies in the app)");
        }
        return order;
    }

    /**
     * The stacks Kahn's algorithm left over (those on a cycle and those merely beyond one), minus the
     * latter: trimming the leftovers from both ends in turn leaves the stacks on (or between) cycles.
     */
    private List<String> cycle(Map<String, Integer> pending) {
        Set<String> left = new LinkedHashSet<>();
        pending.forEach((id, count) -> {
            if (count > 0) {
                left.add(id);
            }
        });
        trim(left, this::dependenciesOf, this::dependentsOf);
        trim(left, this::dependentsOf, this::dependenciesOf);
        return dependsOn.nodes().stream().filter(left::contains).toList();
    }

    /** Removes from {@code left}, repeatedly, the stacks none of whose {@code in} neighbours are left. */
    private void trim(Set<String> left, Function<String, Set<String>> in, Function<String, Set<String>> out) {
        Map<String, Integer> count = new HashMap<>();
        Deque<String> gone = new ArrayDeque<>();
        for (String id : left) {
            int c = (int) in.apply(id).stream().filter(left::contains).count();
            count.put(id, c);
            if (c == 0) {
                gone.add(id);
            }
        }
        while (!gone.isEmpty()) {
            String id = gone.poll();
            left.remove(id);
            for (String next : out.apply(id)) {
                if (left.contains(next) && count.merge(next, -1, Integer::sum) == 0) {
                    gone.add(next);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "StackGraph[" + dependsOn.nodes().size() + " stacks, " + dependsOn.edges().size() + " dependencies]";
    }
}
