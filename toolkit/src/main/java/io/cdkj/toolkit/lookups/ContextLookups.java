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
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Runs one round of context lookups: groups the missing entries by their {@link CredentialTarget}
 * (environment, READ, lookup role), gets credentials once per group from the host (so plugins apply, and
 * {@code lookupRoleArn} is assumed on top), and runs the groups in parallel — one set of SDK clients
 * per group, lookups within a group one after another. A failure never aborts the round: it becomes
 * a transient {@code $providerError} value for its keys, so the app reports it on the construct.
 *
 * <p>A lookup names an environment, not a stack. Its credentials come from the source the app's stacks
 * in that environment get from {@code cdkj:credentials} when they all get the same one, else from the
 * app's entry ({@code "*"}) or the toolkit-wide choice.
 *
 * <p>Thread-safe; each call uses its own short-lived thread pool.
 */
public final class ContextLookups {

    private static final int MAX_PARALLEL_ENVIRONMENTS = 16;

    private final TargetCredentials credentials;
    private final AwsClientFactory clientFactory;
    private final LookupProviders providers;
    private final CredentialOverrides overrides;

    public ContextLookups(TargetCredentials credentials, AwsClientFactory clientFactory, LookupProviders providers) {
        this(credentials, clientFactory, providers, CredentialOverrides.NONE);
    }

    /** @param overrides the app's per-stack credential settings */
    public ContextLookups(TargetCredentials credentials, AwsClientFactory clientFactory, LookupProviders providers,
            CredentialOverrides overrides) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clientFactory = Objects.requireNonNull(clientFactory, "clientFactory");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
    }

    /**
     * Looks up every entry of {@code missing}.
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
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(groups.size(), MAX_PARALLEL_ENVIRONMENTS), r -> {
            Thread t = new Thread(r, "cdkj-lookup-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<GroupResult>> futures = new ArrayList<>();
            groups.forEach((target, entries) -> futures.add(pool.submit(() -> runGroup(target, entries))));
            for (Future<GroupResult> future : futures) {
                GroupResult result = future.get();
                values.putAll(result.values());
                result.failures().forEach(f -> failures.put(f.key(), f));
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
            pool.shutdownNow();
        }
    }

    private GroupResult runGroup(CredentialTarget target, List<MissingContext> entries) {
        Map<String, JsonNode> values = new HashMap<>();
        Map<String, LookupFailure> failures = new HashMap<>();
        LookupClients clients;
        try {
            IdentityProvider<AwsCredentialsIdentity> creds = credentials.forTarget(target);
            clients = new LookupClients(clientFactory, creds, target.environment());
        } catch (ToolkitException e) {
            entries.forEach(m -> fail(m, e.code(), e.getMessage(), values, failures));
            return new GroupResult(values, failures.values());
        }
        for (MissingContext m : entries) {
            try {
                values.put(m.key(), providers.find(m.provider()).orElseThrow().lookup(m, clients));
            } catch (ToolkitException e) {
                fail(m, e.code(), e.getMessage(), values, failures);
            } catch (LookupException e) {
                fail(m, ErrorCode.AWS, e.getMessage(), values, failures);
            } catch (SdkException e) {
                fail(m, ErrorCode.AWS, "The " + m.provider() + " lookup in " + target.environment() + " failed: "
                        + e.getMessage(), values, failures);
            }
        }
        return new GroupResult(values, failures.values());
    }

    private static void fail(MissingContext m, ErrorCode code, String message, Map<String, JsonNode> values,
                             Map<String, LookupFailure> failures) {
        values.put(m.key(), ContextValues.providerError(message));
        failures.put(m.key(), new LookupFailure(m.key(), m.provider(), code, message));
    }

    private record GroupResult(Map<String, JsonNode> values, java.util.Collection<LookupFailure> failures) {
    }
}
