package io.cdkj.toolkit.credentials;

import io.cdkj.toolkit.access.RoleToAssume;
import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.AwsCallLog;
import io.cdkj.toolkit.access.CredentialTarget;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.api.ToolkitOptions;
import io.cdkj.toolkit.api.Io;
import io.cdkj.toolkit.api.Toolkit;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The STS call budget of one toolkit process (issue 6), with the real assume-role plugin against moto:
 * every lookup and every stack of a two-account app asking for credentials at once — READ and WRITE,
 * plus a lookup role on top — costs one GetCallerIdentity for the default identity, one AssumeRole per
 * (account, role), and at most one target-account verification per cached provider.
 */
@ExtendWith(MotoExtension.class)
class CallBudgetTest {

    private static final String SHARED = "222222222222";
    private static final AwsEnvironment DEV = new AwsEnvironment("111111111111", "us-east-2");
    private static final AwsEnvironment PROD = new AwsEnvironment("333333333333", "us-east-1");
    private static final int REQUESTS_PER_KEY = 10;

    @TempDir
    Path work;
    @TempDir
    Path home;

    private final MotoServer moto;
    private AwsSystemProperties caller;

    CallBudgetTest(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void pipelineCaller() {
        AwsSessionCredentials pipeline = moto.callerIn(SHARED, "pipeline");
        caller = AwsSystemProperties.caller(moto.endpoint(), pipeline);
        AwsCallLog.global().reset();
    }

    @AfterEach
    void restore() {
        caller.close();
    }

    @Test
    void lookupsAndStacksOfTwoAccountsAtOnce_stayWithinTheStsBudget() throws Exception {
        // given: what a synth's lookups and a deploy's stacks ask for, all at the same time
        RoleToAssume lookupRole = RoleToAssume.of(
                "arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-lookup-role-111111111111-us-east-2",
                Optional.empty());
        List<Request<Object>> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS_PER_KEY; i++) {
            for (AwsEnvironment env : List.of(DEV, PROD)) {
                for (Mode mode : Mode.values()) {
                    requests.add(session -> ((Toolkit) session).credentials().forTarget(CredentialTarget.of(env, mode))
                            .resolveIdentity().join());
                }
            }
            requests.add(session -> ((Toolkit) session).credentials().forTarget(new CredentialTarget(DEV, Mode.READ, Optional.of(lookupRole)))
                    .resolveIdentity().join());
        }

        // when
        try (Toolkit session = session()) {
            runConcurrently(session, requests);
        }

        // then
        AwsCallLog calls = AwsCallLog.global();
        assertThat(calls.count("Sts", "GetCallerIdentity", SHARED)).as("default identity, once per process").isEqualTo(1);
        assertThat(calls.count("Sts", "AssumeRole", SHARED))
                .as("cdk-readOnlyRole and cdk-writeRole in each of two accounts, once each").isEqualTo(4);
        assertThat(calls.count("Sts", "AssumeRole", DEV.account())).as("the lookup role on top, once").isEqualTo(1);
        assertThat(calls.count("Sts", "GetCallerIdentity", PROD.account()))
                .as("verification at most once per cached provider (READ, WRITE)").isLessThanOrEqualTo(2);
        assertThat(calls.count("Sts", "GetCallerIdentity", DEV.account()))
                .as("verification at most once per cached provider (READ, WRITE, lookup role)").isLessThanOrEqualTo(3);
        assertThat(calls.count("Sts", "AssumeRole")).as("no other AssumeRole at all").isEqualTo(5);
    }

    /** A request taking the session (so lambdas can be built before it exists). */
    private interface Request<T> {
        T call(Object session) throws Exception;
    }

    private static void runConcurrently(Toolkit session, List<Request<Object>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (Request<Object> request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call(session);
                }));
            }
            start.countDown();
            for (Future<Object> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private Toolkit session() {
        Io io = new Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]), Map.of("USER", "tester"), work, home, List.of());
        return new Toolkit(io, new ToolkitOptions(Optional.empty(), List.of("assume-role"), List.of(), false,
                false));
    }
}
