package io.cdkj.toolkit.lookups;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.access.CredentialOverrides;
import io.cdkj.toolkit.access.CredentialSource;
import io.cdkj.toolkit.assembly.MissingContext;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsConcurrency;
import io.cdkj.toolkit.context.ContextValues;
import io.cdkj.toolkit.credentials.TargetCredentials;
import io.cdkj.toolkit.access.CredentialTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Runs one round of context lookups: groups the missing entries by their {@link CredentialTarget}
 * (environment, READ, lookup role), gets credentials once per group from the host (so plugins apply, and
 * {@code lookupRoleArn} is assumed on top), and runs the groups in parallel, up to
 * {@link AwsConcurrency#maxParallelEnvironments()} at once — these calls wait on the network, so the
 * bound is the network's, not the machine's. Within a group the lookups run side by side too, on the
 * group's SDK clients (shared with later rounds through the {@link AwsClientFactory}). A failure never
 * aborts the round: it becomes a transient {@code $providerError} value for its keys, so the app
 * reports it on the construct. A round can be started early, from a prediction ({@link #prefetch}).
 *
 * <p>A lookup names an environment, not a stack. Its credentials come from the source the app's stacks
 * in that environment get from {@code cdkj:credentials} when they all get the same one, else from the
 * app's entry ({@code "*"}) or the toolkit-wide choice.
 *
 * <p>Thread-safe; each call uses its own short-lived thread pools.
 */
public final class ContextLookups {

    private final TargetCredentials credentials;
    private final AwsClientFactory clientFactory;
    private final LookupProviders providers;
    private final CredentialOverrides overrides;
    private final int maxParallelEnvironments;
    private final AtomicReference<Prefetched> prefetched = new AtomicReference<>();

    /** Lookups with {@link AwsConcurrency#DEFAULT}. */
    public ContextLookups(TargetCredentials credentials, AwsClientFactory clientFactory, LookupProviders providers) {
        this(credentials, clientFactory, providers, CredentialOverrides.NONE, AwsConcurrency.DEFAULT);
    }

    /** @param overrides the app's per-stack credential settings */
    public ContextLookups(TargetCredentials credentials, AwsClientFactory clientFactory, LookupProviders providers,
            CredentialOverrides overrides) {
        this(credentials, clientFactory, providers, overrides, AwsConcurrency.DEFAULT);
    }

    /** @param concurrency how many environments a round works on at once */
    public ContextLookups(TargetCredentials credentials, AwsClientFactory clientFactory, LookupProviders providers,
            AwsConcurrency concurrency) {
        this(credentials, clientFactory, providers, CredentialOverrides.NONE, concurrency);
    }

    /**
     * @param overrides   the app's per-stack credential settings
     * @param concurrency how many environments a round works on at once
     */
    public ContextLookups(TargetCredentials credentials, AwsClientFactory clientFactory, LookupProviders providers,
            CredentialOverrides overrides, AwsConcurrency concurrency) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clientFactory = Objects.requireNonNull(clientFactory, "clientFactory");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.maxParallelEnvironments = concurrency.maxParallelEnvironments();
    }

    /**
     * Starts looking up {@code predicted} — what the app is expected to ask for — in the background, so
     * the next {@link #lookup} finds those answers ready (see {@link Prefetched}). Entries this toolkit
     * cannot look up are left for {@link #lookup} to report.
     */
    public void prefetch(List<MissingContext> predicted) {
        List<MissingContext> supported = predicted.stream()
                .filter(m -> providers.find(m.provider()).isPresent() && m.target().isPresent()).toList();
        // With per-stack credentials the source depends on the stacks, which only the app's first run names.
        if (!supported.isEmpty() && overrides.isEmpty()) {
            prefetched.set(Prefetched.start(() -> lookUp(supported, List.of())));
        }
    }

    /**
     * Looks up every entry of {@code missing} (with the answers of a {@link #prefetch}, if one was started).
     *
     * @throws ToolkitException with {@link ErrorCode#USAGE} before any AWS call when a provider is
     *     unsupported; {@link ErrorCode#INTERRUPTED} when interrupted
     */
    public LookupResults lookup(List<MissingContext> missing) {
        return lookup(missing, List.of());
    }

    /**
     * Looks up every entry of {@code missing} with the credentials {@code stacks} choose for its environment.
     *
     * @throws ToolkitException as {@link #lookup(List)}, and with {@link ErrorCode#USAGE} when the app's
     *     {@code cdkj:credentials} names no stack or stage of {@code stacks}, or conflicts
     */
    public LookupResults lookup(List<MissingContext> missing, List<StackArtifact> stacks) {
        providers.requireSupported(missing);
        if (!stacks.isEmpty()) {
            overrides.requireValid(stacks.stream().map(StackArtifact::names).toList());
        }
        Prefetched early = prefetched.getAndSet(null);
        return early == null ? lookUp(missing, stacks) : early.answer(missing, m -> lookUp(m, stacks));
    }

    private LookupResults lookUp(List<MissingContext> missing, List<StackArtifact> stacks) {
        Map<String, JsonNode> values = new HashMap<>();
        Map<String, LookupFailure> failures = new HashMap<>();
        Map<CredentialTarget, List<MissingContext>> groups = new LinkedHashMap<>();
        for (MissingContext m : missing) {
            Optional<CredentialTarget> target = m.target().map(t -> t.withSource(sourceFor(t.environment(), stacks)));
            if (target.isEmpty()) {
                fail(m, ErrorCode.USAGE, "Cannot look up '" + m.key() + "': the query names no concrete account and"
                        + " region. Give the stack an explicit env (account and region).", values, failures);
                continue;
            }
            groups.computeIfAbsent(target.get(), t -> new ArrayList<>()).add(m);
        }
        if (!groups.isEmpty()) {
            runGroups(groups, values, failures);
        }
        Map<String, JsonNode> ordered = new LinkedHashMap<>();
        List<LookupFailure> orderedFailures = new ArrayList<>();
        for (MissingContext m : missing) {
            ordered.put(m.key(), values.get(m.key()));
            Optional.ofNullable(failures.get(m.key())).ifPresent(orderedFailures::add);
        }
        return new LookupResults(ordered, orderedFailures);
    }

    /** The stacks' common source in {@code environment}, else the app's. */
    private CredentialSource sourceFor(AwsEnvironment environment, List<StackArtifact> stacks) {
        Set<CredentialSource> sources = stacks.stream()
                .filter(stack -> stack.concreteEnvironment().filter(environment::equals).isPresent())
                .map(stack -> overrides.forStack(stack.names()).source())
                .collect(Collectors.toSet());
        return sources.size() == 1 ? sources.iterator().next() : overrides.forApp().source();
    }

    private void runGroups(Map<CredentialTarget, List<MissingContext>> groups, Map<String, JsonNode> values,
                           Map<String, LookupFailure> failures) {
        ExecutorService environments = Executors.newFixedThreadPool(Math.min(groups.size(), maxParallelEnvironments),
                daemon("cdkj-lookup-env-"));
        // A pool of its own, so a group waiting for its lookups never holds a thread they need.
        ExecutorService queries = Executors.newCachedThreadPool(daemon("cdkj-lookup-"));
        try {
            List<Future<List<Outcome>>> futures = new ArrayList<>();
            groups.forEach((target, entries) -> futures.add(environments.submit(() -> runGroup(target, entries, queries))));
            for (Future<List<Outcome>> future : futures) {
                for (Outcome outcome : future.get()) {
                    values.put(outcome.key(), outcome.value());
                    outcome.failure().ifPresent(f -> failures.put(f.key(), f));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolkitException(ErrorCode.INTERRUPTED, "Interrupted during context lookups.", e);
        } catch (ExecutionException e) {
            // runGroup catches everything but Errors; rethrow those as they are
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("context lookup failed unexpectedly", e.getCause());
        } finally {
            environments.shutdownNow();
            queries.shutdownNow();
        }
    }

    private List<Outcome> runGroup(CredentialTarget target, List<MissingContext> entries, ExecutorService queries)
            throws InterruptedException, ExecutionException {
        LookupClients clients;
        try {
            IdentityProvider<AwsCredentialsIdentity> creds = credentials.forTarget(target);
            clients = new LookupClients(clientFactory, creds, target.environment());
        } catch (ToolkitException e) {
            return entries.stream().map(m -> Outcome.failed(m, e.code(), e.getMessage())).toList();
        }
        if (entries.size() == 1) {
            return List.of(lookupOne(target, entries.get(0), clients));
        }
        List<Future<Outcome>> running = entries.stream()
                .map(m -> queries.submit(() -> lookupOne(target, m, clients))).toList();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> outcome : running) {
            outcomes.add(outcome.get());
        }
        return outcomes;
    }

    private Outcome lookupOne(CredentialTarget target, MissingContext m, LookupClients clients) {
        try {
            return new Outcome(m.key(), providers.find(m.provider()).orElseThrow().lookup(m, clients), Optional.empty());
        } catch (ToolkitException e) {
            return Outcome.failed(m, e.code(), e.getMessage());
        } catch (LookupException e) {
            return Outcome.failed(m, ErrorCode.AWS, e.getMessage());
        } catch (SdkException e) {
            return Outcome.failed(m, ErrorCode.AWS, "The " + m.provider() + " lookup in " + target.environment()
                    + " failed: " + e.getMessage());
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void fail(MissingContext m, ErrorCode code, String message, Map<String, JsonNode> values,
                             Map<String, LookupFailure> failures) {
        Outcome outcome = Outcome.failed(m, code, message);
        values.put(m.key(), outcome.value());
        failures.put(m.key(), outcome.failure().orElseThrow());
    }

    /** One entry's value, and its failure when the value is a provider error. */
    private record Outcome(String key, JsonNode value, Optional<LookupFailure> failure) {
        static Outcome failed(MissingContext m, ErrorCode code, String message) {
            return new Outcome(m.key(), ContextValues.providerError(message),
                    Optional.of(new LookupFailure(m.key(), m.provider(), code, message)));
        }
    }
}
