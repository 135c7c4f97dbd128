package io.cdkj.toolkit.lookups;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdkj.toolkit.assembly.MissingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lookup round started before the app asked for it (the entries the last synth looked up, see
 * {@code synth.LookupHistory}), running on a thread of its own while the app's first run is under way.
 * The first real round takes the answers to the keys it asks for and looks up the rest; answers to keys
 * nobody asks for are dropped, never saved.
 *
 * <p>Thread-safe.
 */
final class Prefetched {

    private static final Logger LOG = LoggerFactory.getLogger(Prefetched.class);

    private final CompletableFuture<LookupResults> results;

    private Prefetched(CompletableFuture<LookupResults> results) {
        this.results = results;
    }

    /** Starts {@code round} on a daemon thread. */
    static Prefetched start(Supplier<LookupResults> round) {
        CompletableFuture<LookupResults> results = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                results.complete(round.get());
            } catch (RuntimeException e) {
                results.completeExceptionally(e);
            }
        }, "cdkj-lookup-prefetch");
        thread.setDaemon(true);
        thread.start();
        return new Prefetched(results);
    }

    /**
     * The answers to {@code missing}: the prefetched ones (waiting for them), and {@code lookUp} of the
     * others, in {@code missing}'s order.
     */
    LookupResults answer(List<MissingContext> missing, Function<List<MissingContext>, LookupResults> lookUp) {
        LookupResults early = early();
        List<MissingContext> rest = missing.stream().filter(m -> !early.values().containsKey(m.key())).toList();
        LookupResults late = rest.isEmpty() ? new LookupResults(Map.of(), List.of()) : lookUp.apply(rest);
        Map<String, LookupFailure> failures = new HashMap<>();
        early.failures().forEach(f -> failures.put(f.key(), f));
        late.failures().forEach(f -> failures.put(f.key(), f));
        Map<String, JsonNode> values = new LinkedHashMap<>();
        List<LookupFailure> ordered = new ArrayList<>();
        for (MissingContext m : missing) {
            values.put(m.key(), early.values().containsKey(m.key()) ? early.values().get(m.key()) : late.values().get(m.key()));
            Optional.ofNullable(failures.get(m.key())).ifPresent(ordered::add);
        }
        return new LookupResults(values, ordered);
    }

    private LookupResults early() {
        try {
            return results.join();
        } catch (RuntimeException e) {
            LOG.debug("The prefetched lookups failed; looking up again", e);
            return new LookupResults(Map.of(), List.of());
        }
    }
}
