package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ProgressLog;
import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsConcurrency;
import io.cdkj.toolkit.aws.AwsTimeouts;
import io.cdkj.toolkit.credentials.TargetCredentials;
import io.cdkj.toolkit.deploy.assets.FileAssetPublisher;
import io.cdkj.toolkit.deploy.assets.docker.StackImages;
import io.cdkj.toolkit.deploy.assets.docker.DockerEnvironment;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Deploys and destroys a set of stacks: the entry point of the {@code deploy} and {@code destroy}
 * commands. Prints progress (prefixed by stack), a summary line per stack, and the outputs.
 *
 * <p>Thread-safe; uses the caller's credentials and client factory (owned and closed by the caller).
 */
public final class DeployEngine {

    private final ProgressLog log;
    private final ProgressLog results;
    private final StackDeployer deployer;
    private final StackDestroyer destroyer;
    private final TargetCredentials credentials;
    private final AwsClientFactory clients;
    private final DockerEnvironment docker;
    private final ApprovalGate approvals;
    private final int environments;

    /** An engine working on up to {@link AwsConcurrency#DEFAULT_MAX_PARALLEL_ENVIRONMENTS} environments at once. */
    public DeployEngine(TargetCredentials credentials, AwsClientFactory clients, DockerEnvironment docker,
            PrintWriter progress, PrintWriter results, Sleeper sleeper, Clock clock) {
        this(credentials, clients, docker, progress, results, sleeper, clock, AwsTimeouts.DEFAULT.throttledWait(),
                AwsConcurrency.DEFAULT);
    }

    /**
     * @param docker           the container tool and environment for docker image assets
     * @param progress         where progress lines go (stderr)
     * @param results          where the summary per stack and the outputs go (stdout)
     * @param sleeper          waits between polls ({@link Sleeper#SYSTEM} outside tests)
     * @param clock            measures elapsed time and formats event times in its zone
     * @param maxThrottledWait how long polling waits out throttling in a row before it gives up
     *                         ({@link AwsTimeouts#throttledWait()})
     * @param concurrency      how many environments have stacks deploying at once
     */
    public DeployEngine(TargetCredentials credentials, AwsClientFactory clients, DockerEnvironment docker,
            PrintWriter progress, PrintWriter results, Sleeper sleeper, Clock clock, Duration maxThrottledWait,
            AwsConcurrency concurrency) {
        this(credentials, clients, docker, progress, results, sleeper, clock, maxThrottledWait, concurrency,
                line -> { }, System.getenv("PATH"));
    }

    /**
     * @param verbose receives what only {@code --verbose} shows (asset files from outside the assembly, ...)
     * @param path    the PATH to find {@code node} on, whose zlib zips assets as the Node CDK CLI's does
     */
    public DeployEngine(TargetCredentials credentials, AwsClientFactory clients, DockerEnvironment docker,
            PrintWriter progress, PrintWriter results, Sleeper sleeper, Clock clock, Duration maxThrottledWait,
            AwsConcurrency concurrency, Consumer<String> verbose, String path) {
        this.credentials = credentials;
        this.clients = clients;
        this.docker = docker;
        this.environments = concurrency.maxParallelEnvironments();
        this.log = new ProgressLog(progress);
        this.results = new ProgressLog(results);
        Poller poller = new Poller(sleeper, PollBackoff.DEFAULT, maxThrottledWait);
        StackClients stackClients = new StackClients(credentials, clients);
        StackWaiter waiter = new StackWaiter(poller, log, clock.getZone());
        this.deployer = new StackDeployer(stackClients, new BootstrapVersionCheck(clients),
                new StackAssets(new FileAssetPublisher(credentials, clients, log, verbose, path), clients),
                new ChangeSets(poller), waiter, poller, log, clock);
        this.destroyer = new StackDestroyer(stackClients, waiter, poller, log, clock);
        this.approvals = new ApprovalGate(stackClients, log, poller);
    }

    /**
     * Deploys {@code stacks} in dependency order, independent ones in parallel. Docker images of all
     * stacks start publishing first; each stack deploys once its own images are pushed, and a stack whose
     * images failed is not deployed (its dependents are skipped). Stacks run in
     * parallel up to {@link DeployOptions#concurrency()} per environment, in up to
     * {@code concurrency.maxParallelEnvironments()} environments at once.
     *
     * @return the result of every stack
     * @throws ToolkitException after printing all results when any stack failed: the failures' own code
     *     when they agree (e.g. {@link ErrorCode#APP} for failed image builds), else {@link ErrorCode#AWS}
     */
    public List<StackResult> deploy(List<ResolvedStack> stacks, DeployOptions options) {
        return deploy(stacks, options, Approver.NONE);
    }

    /**
     * Deploys {@code stacks} in dependency order, independent ones in parallel, once the changes that
     * {@code options.requireApproval()} names are approved by {@code approver} (see {@link ApprovalGate}).
     * Docker images of all stacks start publishing after the approval; each stack deploys once its own
     * images are pushed, and a stack whose images failed is not deployed (its dependents are skipped).
     *
     * @throws ToolkitException ({@link ErrorCode#USAGE}) before anything is deployed when changes need an
     *     approval there is no one to give, or that was declined
     */
    public List<StackResult> deploy(List<ResolvedStack> stacks, DeployOptions options, Approver approver) {
        approvals.check(stacks, options.requireApproval(), approver);
        List<StackResult> results;
        try (ImagePublishing images = ImagePublishing.start(stacks, docker, credentials, clients, log,
                options.assetConcurrency())) {
            results = DependencyRunner.run(stacks, false, options.concurrency(), environments,
                    stack -> deployer.deploy(stack, options, images.of(stack)), StackWork.NONE);
        }
        summarize(results);
        printOutputs(results);
        options.outputsFile().ifPresent(file -> OutputsFile.write(file, results));
        failIfAnyFailed("deploy", results);
        return results;
    }

    /**
     * Deploys one stack without docker image assets, with its progress but no summary, for callers that
     * report results their own way (the bootstrap command: one bootstrap stack per environment).
     *
     * @return its result; a failure is a {@code FAILED} result, not an exception
     * @throws IllegalArgumentException when the stack has docker image assets (use {@link #deploy})
     */
    public StackResult deployOne(ResolvedStack stack, DeployOptions options) {
        if (StackImages.any(stack.artifact().assetManifests())) {
            throw new IllegalArgumentException(stack.displayName() + " has docker image assets; deploy it with deploy()");
        }
        return deployer.deploy(stack, options, StackImages.none(stack.stackName()));
    }

    /**
     * Destroys {@code stacks}, dependents before their dependencies.
     *
     * @param roleArn     {@code --role-arn}, overriding the stacks' service role
     * @param concurrency stacks of one environment deleted at once
     * @throws ToolkitException ({@link ErrorCode#AWS}) after printing all results when any stack failed
     */
    public List<StackResult> destroy(List<ResolvedStack> stacks, Optional<String> roleArn, int concurrency) {
        List<StackResult> results = DependencyRunner.run(stacks, true, concurrency, environments,
                stack -> destroyer.destroy(stack, roleArn), StackWork.NONE);
        summarize(results);
        failIfAnyFailed("destroy", results);
        return results;
    }

    private void summarize(List<StackResult> all) {
        results.line("");
        for (StackResult r : all) {
            String time = String.format(Locale.ROOT, "%.1fs", r.elapsed().toMillis() / 1000.0);
            String line = switch (r.outcome()) {
                case DEPLOYED -> "✅ " + r.stackName() + " deployed (" + time + ")";
                case NO_CHANGES -> "✅ " + r.stackName() + " (no changes, " + time + ")";
                case PREPARED -> "✅ " + r.stackName() + " (change set created, not executed, " + time + ")";
                case DESTROYED -> "✅ " + r.stackName() + " destroyed (" + time + ")";
                case FAILED -> "❌ " + r.stackName() + " failed (" + time + "): " + r.failure().orElse("");
                case SKIPPED -> "⏭ " + r.stackName() + " " + r.failure().orElse("skipped");
            };
            results.line(line);
        }
    }

    private void printOutputs(List<StackResult> all) {
        Map<String, String> outputs = new TreeMap<>();
        all.forEach(r -> r.outputs().forEach((k, v) -> outputs.put(r.stackName() + "." + k, v)));
        if (!outputs.isEmpty()) {
            results.line("");
            results.line("Outputs:");
            outputs.forEach((k, v) -> results.line(k + " = " + v));
        }
    }

    /**
     * One line for the error: which stacks failed and the first reason (the details are above). The exit
     * code is the failures' own when they agree (e.g. all CREDENTIALS), else AWS.
     */
    private static void failIfAnyFailed(String what, List<StackResult> results) {
        List<StackResult> failed = results.stream().filter(r -> r.outcome() == StackResult.Outcome.FAILED).toList();
        List<StackResult> skipped = results.stream().filter(r -> r.outcome() == StackResult.Outcome.SKIPPED).toList();
        if (failed.isEmpty() && skipped.isEmpty()) {
            return;
        }
        ErrorCode code = failed.stream().map(StackResult::failureCode).distinct().count() == 1
                ? failed.get(0).failureCode() : ErrorCode.AWS;
        String message = "Could not " + what + " " + failed.stream().map(StackResult::stackName).collect(Collectors.joining(", "))
                + (failed.isEmpty() ? "" : ": " + failed.get(0).failure().orElse(""))
                + (skipped.isEmpty() ? "" : " (skipped: " + skipped.stream().map(StackResult::stackName)
                        .collect(Collectors.joining(", ")) + ")");
        throw new ToolkitException(code, message);
    }
}
