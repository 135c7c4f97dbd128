package io.cdkj.toolkit.deploy;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the elementary steps of selecting and ordering stacks — dependency edges visited and
 * stack names compared — so tests can prove the work grows linearly with the assembly, without
 * timing anything. {@link #NONE} counts into the void for production callers.
 *
 * <p>Thread-safe.
 */
final class StackWork {

    /** A counter nobody reads. */
    static final StackWork NONE = new StackWork();

    private final LongAdder edges = new LongAdder();
    private final LongAdder names = new LongAdder();

    void edges(long count) {
        edges.add(count);
    }

    void names(long count) {
        names.add(count);
    }

    /** Dependency edges visited so far. */
    long edgeVisits() {
        return edges.sum();
    }

    /** Stack names compared with a name or pattern the user gave, or looked up in an index, so far. */
    long nameComparisons() {
        return names.sum();
    }

    @Override
    public String toString() {
        return "StackWork[edges=" + edgeVisits() + ", names=" + nameComparisons() + "]";
    }
}
