package io.cdkj.toolkit.lookups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.assembly.MissingContext;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsConcurrency;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.context.ContextValues;
import io.cdkj.toolkit.access.CredentialOverrides;
import io.cdkj.toolkit.access.CredentialSource;
import io.cdkj.toolkit.access.CredentialTarget;
import io.cdkj.toolkit.assembly.StackArtifact;
import java.nio.file.Path;
import io.cdkj.toolkit.access.RoleToAssume;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContextLookupsTest {

    private static final AwsEnvironment DEV = new AwsEnvironment("111111111111", "us-east-2");
    private static final AwsEnvironment PROD = new AwsEnvironment("333333333333", "us-east-1");

    private final AwsClientFactory factory = new AwsClientFactory();

    @AfterEach
    void close() {
        factory.close();
    }

    /**
     * A provider whose every call waits until {@code parties} calls are in progress at once: if the
     * toolkit ran environments one after another, the first call would time out and fail.
     */
    private static final class RendezvousProvider implements LookupProvider {
        final CountDownLatch inside;
        final Map<String, Instant[]> spans = new ConcurrentHashMap<>();

        RendezvousProvider(int parties) {
            inside = new CountDownLatch(parties);
        }

        @Override
        public String key() {
            return "ssm";
        }

        @Override
        public JsonNode lookup(MissingContext query, LookupClients clients) {
            Instant started = Instant.now();
            inside.countDown();
            try {
                if (!inside.await(20, TimeUnit.SECONDS)) {
                    throw new LookupException("lookups did not overlap");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LookupException("interrupted");
            }
            spans.put(clients.environment().account(), new Instant[] {started, Instant.now()});
            return TextNode.valueOf("value in " + clients.environment().account());
        }
    }

    private static MissingContext ssm(AwsEnvironment env, Optional<String> roleArn) {
        ObjectNode props = JsonNodeFactory.instance.objectNode()
                .put("account", env.account()).put("region", env.region()).put("parameterName", "/p");
        roleArn.ifPresent(arn -> props.put("lookupRoleArn", arn).put("lookupRoleExternalId", "ext"));
        return new MissingContext("ssm:account=" + env.account() + ":parameterName=/p:region=" + env.region(), "ssm", props);
    }

    @Test
    void lookup_twoEnvironments_runsThemConcurrently() {
        // given
        RendezvousProvider provider = new RendezvousProvider(2);
        ContextLookups lookups = new ContextLookups(new FakeEnvironmentCredentials(Set.of()), factory,
                new LookupProviders(List.of(provider)));

        // when
        LookupResults results = lookups.lookup(List.of(ssm(DEV, Optional.empty()), ssm(PROD, Optional.empty())));

        // then: both calls were in progress at the same time (each started before the other ended)
        assertThat(results.failures()).isEmpty();
        Instant[] dev = provider.spans.get(DEV.account());
        Instant[] prod = provider.spans.get(PROD.account());
        assertThat(dev[0]).isBeforeOrEqualTo(prod[1]);
        assertThat(prod[0]).isBeforeOrEqualTo(dev[1]);
        assertThat(results.values()).containsEntry(ssm(DEV, Optional.empty()).key(), TextNode.valueOf("value in 111111111111"));
    }

    @Test
    void lookup_twoLookupsInOneEnvironment_runConcurrently() {
        // given: two queries of one environment; each call waits until both are in progress
        RendezvousProvider provider = new RendezvousProvider(2);
        ContextLookups lookups = new ContextLookups(new FakeEnvironmentCredentials(Set.of()), factory,
                new LookupProviders(List.of(provider)));
        MissingContext first = ssm(DEV, Optional.empty());
        MissingContext second = new MissingContext("ssm:second", "ssm", first.props().deepCopy().put("parameterName", "/q"));

        // when
        LookupResults results = lookups.lookup(List.of(first, second));

        // then
        assertThat(results.failures()).isEmpty();
        assertThat(results.values()).hasSize(2);
    }

    @Test
    void lookup_moreEnvironmentsThanTheLimit_runsAtMostTheLimitAtOnce() {
        // given: four environments, at most two at a time; each lookup waits for a partner
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CyclicBarrier pairs = new CyclicBarrier(2);
        LookupProvider paired = new LookupProvider() {
            @Override
            public String key() {
                return "ssm";
            }

            @Override
            public JsonNode lookup(MissingContext query, LookupClients clients) {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                try {
                    pairs.await(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new LookupException("no partner: " + e);
                } finally {
                    inside.decrementAndGet();
                }
                return TextNode.valueOf("ok");
            }
        };
        List<MissingContext> missing = IntStream.range(0, 4)
                .mapToObj(i -> ssm(new AwsEnvironment("44444444444" + i, "us-east-1"), Optional.empty())).toList();

        // when
        LookupResults results = new ContextLookups(new FakeEnvironmentCredentials(Set.of()), factory,
                new LookupProviders(List.of(paired)), new AwsConcurrency(2, 10)).lookup(missing);

        // then: two at once (they met), never more
        assertThat(results.failures()).isEmpty();
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void prefetch_answersTheKeysAskedLaterAndLooksUpOnlyTheRest() throws Exception {
        // given: a provider that counts its calls per key and lets the test see the prefetch under way
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        CountDownLatch prefetching = new CountDownLatch(2);
        LookupProvider counting = new LookupProvider() {
            @Override
            public String key() {
                return "ssm";
            }

            @Override
            public JsonNode lookup(MissingContext query, LookupClients clients) {
                calls.computeIfAbsent(query.key(), k -> new AtomicInteger()).incrementAndGet();
                prefetching.countDown();
                return TextNode.valueOf("value of " + query.key());
            }
        };
        ContextLookups lookups = new ContextLookups(new FakeEnvironmentCredentials(Set.of()), factory,
                new LookupProviders(List.of(counting)));
        MissingContext dev = ssm(DEV, Optional.empty());
        MissingContext prod = ssm(PROD, Optional.empty());
        MissingContext other = new MissingContext("ssm:other", "ssm", dev.props().deepCopy().put("parameterName", "/q"));

        // when: dev and prod predicted; then the app asks for dev and another key
        lookups.prefetch(List.of(dev, prod));
        assertThat(prefetching.await(20, TimeUnit.SECONDS)).as("the prefetch ran before anything was asked").isTrue();
        LookupResults results = lookups.lookup(List.of(other, dev));

        // then
        assertThat(results.values().keySet()).containsExactly(other.key(), dev.key());
        assertThat(results.values().get(dev.key())).isEqualTo(TextNode.valueOf("value of " + dev.key()));
        assertThat(calls.get(dev.key())).hasValue(1);
        assertThat(calls.get(other.key())).hasValue(1);
        assertThat(results.failures()).isEmpty();
    }

    @Test
    void lookup_lookupRoleArn_assumesItOnTopOncePerEnvironmentAndRole() {
        // given
        FakeEnvironmentCredentials credentials = new FakeEnvironmentCredentials(Set.of());
        LookupProvider echo = new LookupProvider() {
            @Override
            public String key() {
                return "ssm";
            }

            @Override
            public JsonNode lookup(MissingContext query, LookupClients clients) {
                return TextNode.valueOf(query.key());
            }
        };
        String role = "arn:${AWS::Partition}:iam::111111111111:role/lookup";
        MissingContext first = ssm(DEV, Optional.of(role));
        ObjectNode otherProps = first.props().put("parameterName", "/q");
        MissingContext second = new MissingContext("ssm:other", "ssm", otherProps);

        // when
        new ContextLookups(credentials, factory, new LookupProviders(List.of(echo))).lookup(List.of(first, second));

        // then
        assertThat(credentials.requests()).containsExactly(new CredentialTarget(DEV, Mode.READ,
                Optional.of(RoleToAssume.of(role, Optional.of("ext")))));
    }

    @Test
    void lookup_withCredentialOverrides_usesTheSourceOfTheEnvironmentsStacks_elseTheApps() {
        // given: dev's one stack has its own profile; prod's two stacks disagree, so prod gets the app's plugins
        FakeEnvironmentCredentials credentials = new FakeEnvironmentCredentials(Set.of());
        LookupProvider echo = new LookupProvider() {
            @Override
            public String key() {
                return "ssm";
            }

            @Override
            public JsonNode lookup(MissingContext query, LookupClients clients) {
                return TextNode.valueOf(query.key());
            }
        };
        CredentialOverrides overrides = CredentialOverrides.parse(Optional.of(Map.of(
                "devSampleApp", Map.of("profile", "dev-admin"),
                "prodDb", Map.of("profile", "prod-admin"),
                "*", Map.of("plugin", List.of("profile")))));
        List<StackArtifact> stacks = List.of(stack("devSampleApp", DEV), stack("prodApp", PROD), stack("prodDb", PROD));

        // when
        new ContextLookups(credentials, factory, new LookupProviders(List.of(echo)), overrides)
                .lookup(List.of(ssm(DEV, Optional.empty()), ssm(PROD, Optional.empty())), stacks);

        // then
        assertThat(credentials.requests()).containsExactlyInAnyOrder(
                CredentialTarget.of(DEV, Mode.READ).withSource(new CredentialSource(Optional.of("dev-admin"),
                        Optional.of(List.of("profile")))),
                CredentialTarget.of(PROD, Mode.READ).withSource(new CredentialSource(Optional.empty(),
                        Optional.of(List.of("profile")))));
    }

    private static StackArtifact stack(String id, AwsEnvironment environment) {
        return StackArtifact.builder(id, "aws://" + environment.account() + "/" + environment.region(),
                Path.of("/tmp", id + ".template.json")).build();
    }

    @Test
    void lookup_noCredentialsForAccount_returnsTransientProviderErrorPerKey() {
        // given
        ContextLookups lookups = new ContextLookups(new FakeEnvironmentCredentials(Set.of("111111111111")), factory,
                new LookupProviders(List.of(new SsmParameterProvider())));
        MissingContext missing = ssm(DEV, Optional.empty());

        // when
        LookupResults results = lookups.lookup(List.of(missing));

        // then
        JsonNode value = results.values().get(missing.key());
        assertThat(ContextValues.isTransient(value)).isTrue();
        assertThat(value.get("$providerError").asText())
                .startsWith("Need to perform AWS calls for account 111111111111, but the current credentials are for 222222222222");
        assertThat(results.failures()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(ErrorCode.CREDENTIALS);
            assertThat(f.key()).isEqualTo(missing.key());
        });
    }

    @Test
    void lookup_unsupportedProvider_failsBeforeAnyCredentialRequestListingSupportedKeys() {
        // given
        FakeEnvironmentCredentials credentials = new FakeEnvironmentCredentials(Set.of());
        MissingContext unknown = new MissingContext("plugin:x", "plugin",
                ssm(DEV, Optional.empty()).props());

        // then
        assertThatThrownBy(() -> new ContextLookups(credentials, factory, LookupProviders.builtIn())
                .lookup(List.of(ssm(DEV, Optional.empty()), unknown)))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining("Unsupported context provider 'plugin'")
                .hasMessageContaining("ami, availability-zones, cc-api-provider, endpoint-service-availability-zones,"
                        + " hosted-zone, key-provider, load-balancer, load-balancer-listener, security-group, ssm,"
                        + " vpc-provider");
        assertThat(credentials.requests()).isEmpty();
    }
}
