import io.cdkj.localaws.AwsCallLog;
import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.access.CredentialTarget;
import io.cdkj.toolkit.api.Io;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.api.ToolkitOptions;
import io.cdkj.toolkit.aws.AwsConcurrency;
import io.cdkj.toolkit.aws.AwsEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * bench/run scenario 2: resolves credentials for N target accounts in one mode through the host
 * (default identity + the assume-role plugin + target verification), the way a synth's lookups or a
 * deploy's stacks ask for them — concurrently, as many at a time as a lookup round works on (128) — and
 * prints one line:
 * {@code N MODE SECONDS ASSUME_ROLE_CALLS GET_CALLER_IDENTITY_CALLS}. Run with the source launcher
 * ({@code java -cp TOOLKIT:LIBS:LOCAL_AWS bench/src/CredentialsBench.java 100 read}) against the
 * endpoint and profile bench/run exports; STS calls are counted by local-aws's SDK interceptor.
 */
public final class CredentialsBench {

    public static void main(String[] args) throws Exception {
        int accounts = Integer.parseInt(args[0]);
        Mode mode = Mode.valueOf(args[1].toUpperCase(Locale.ROOT));
        Io io = Io.system();
        long start = System.nanoTime();
        try (Toolkit toolkit = new Toolkit(io,
                new ToolkitOptions(Optional.empty(), List.of("assume-role"), List.of(), false, false))) {
            ExecutorService pool = Executors.newFixedThreadPool(
                    Math.min(AwsConcurrency.DEFAULT_MAX_PARALLEL_ENVIRONMENTS, accounts));
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < accounts; i++) {
                String account = String.format(Locale.ROOT, "%012d", 500000000000L + i);
                futures.add(pool.submit(() -> toolkit.credentials()
                        .forTarget(CredentialTarget.of(new AwsEnvironment(account, "us-east-1"), mode))
                        .resolveIdentity().join()));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        AwsCallLog log = AwsCallLog.global();
        System.out.printf(Locale.ROOT, "%d %s %.3f %d %d%n", accounts, mode, seconds,
                log.count("Sts", "AssumeRole"), log.count("Sts", "GetCallerIdentity"));
    }
}
