import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.LocalDocker;
import io.cdkj.localaws.WireMockEcr;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.ProgressLog;
import io.cdkj.toolkit.deploy.assets.DockerBuildOptions;
import io.cdkj.toolkit.deploy.assets.DockerImageAsset;
import io.cdkj.toolkit.deploy.assets.DockerImageSource;
import io.cdkj.toolkit.deploy.assets.docker.AssetConcurrency;
import io.cdkj.toolkit.deploy.assets.docker.ContainerTool;
import io.cdkj.toolkit.deploy.assets.docker.DockerEnvironment;
import io.cdkj.toolkit.deploy.assets.docker.DockerImagePublisher;
import io.cdkj.toolkit.deploy.assets.docker.ImagePublishResult;
import io.cdkj.toolkit.deploy.assets.docker.ImageTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * bench/run scenario "images": publishes one new image (FROM scratch, a 4 MiB layer of random bytes,
 * so every run builds) to 1, 5 and 20 destinations (one account each, its own repository and
 * credentials) through cdkj's image publisher, against a private dockerd, a local registry and ECR on
 * WireMock (local-aws). Variants: the default bounds (8 destinations at once, 1 build) and one at a time
 * ({@code --asset-parallelism=false}). Prints one results.tsv line per measurement:
 * {@code images-N VARIANT RUN SECONDS builds=B pushes=P logins=L}; builds and pushes are counted by the
 * {@code CDK_DOCKER} wrapper this class writes. Usage: {@code ImagePublishBench RUNS WORKDIR}.
 */
public final class ImagePublishBench {

    private static final int[] DESTINATIONS = {1, 5, 20};

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
        Path log = work.resolve("docker-invocations.log");
        Path wrapper = work.resolve("docker-wrapper.sh");
        Files.writeString(wrapper, "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '" + log + "'\nexec docker \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (LocalDocker docker = LocalDocker.start(); WireMockEcr ecr = WireMockEcr.start(docker.registry());
                AwsSystemProperties endpoint = AwsSystemProperties.serviceEndpoint("Ecr", ecr.endpoint())) {
            Map<String, String> variables = new HashMap<>(docker.environment());
            variables.put("PATH", System.getenv("PATH"));
            variables.put(ContainerTool.VARIABLE, wrapper.toString());
            Map<String, AwsBasicCredentials> keys = accounts(ecr);
            // one untimed publish first: class loading, the first SDK client and docker's caches warm up
            for (int run = 0; run <= runs; run++) {
                for (int n : run == 0 ? new int[] {1} : DESTINATIONS) {
                    for (String variant : List.of("parallel", "serial")) {
                        Files.writeString(log, "");
                        String id = "bench" + run + "n" + n + variant.charAt(0) + System.nanoTime();
                        DockerImageAsset asset = asset(work, id);
                        List<ImageTarget> targets = new ArrayList<>(keys.keySet().stream().sorted().limit(n)
                                .map(account -> new ImageTarget(account, new AwsEnvironment(account, "us-east-1"),
                                        repository(account), id, Optional.empty()))
                                .toList());
                        AssetConcurrency bounds = variant.equals("parallel") ? AssetConcurrency.DEFAULT : new AssetConcurrency(1, 1);
                        long start = System.nanoTime();
                        ImagePublishResult result;
                        try (AwsClientFactory clients = new AwsClientFactory();
                                DockerImagePublisher publisher = new DockerImagePublisher(
                                        new DockerEnvironment(ContainerTool.from(variables), variables, Optional.empty(), work),
                                        target -> StaticCredentialsProvider.create(keys.get(target.environment().account())),
                                        clients, new ProgressLog(new PrintWriter(new StringWriter())), bounds)) {
                            result = publisher.publish("bench", asset, targets).get(10, TimeUnit.MINUTES);
                        }
                        double seconds = (System.nanoTime() - start) / 1e9;
                        if (!result.succeeded()) {
                            throw new IllegalStateException("publishing failed: " + result.failures().get(0).error().getMessage());
                        }
                        if (run == 0) {
                            continue;
                        }
                        List<String> invocations = Files.readAllLines(log);
                        System.out.printf(Locale.ROOT, "images-%d\t%s\t%d\t%.3f\tbuilds=%d pushes=%d logins=%d%n", n,
                                variant.equals("parallel") ? "cdkj (default: 8 at once)" : "cdkj --asset-parallelism=false",
                                run, seconds, count(invocations, "build"), count(invocations, "push"),
                                count(invocations, "login"));
                    }
                }
            }
        }
    }

    private static Map<String, AwsBasicCredentials> accounts(WireMockEcr ecr) {
        Map<String, AwsBasicCredentials> keys = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            String account = String.format(Locale.ROOT, "%012d", 600000000000L + i);
            AwsBasicCredentials key = AwsBasicCredentials.create(String.format(Locale.ROOT, "AKIABENCH%011d", i), "benchSecret" + i);
            AwsCallLog.global().learn(key.accessKeyId(), account);
            ecr.repository(account, "us-east-1", repository(account));
            keys.put(account, key);
        }
        return keys;
    }

    private static String repository(String account) {
        return "cdk-hnb659fds-container-assets-" + account + "-us-east-1";
    }

    private static DockerImageAsset asset(Path work, String id) throws Exception {
        Path context = Files.createDirectories(work.resolve("context-" + id));
        byte[] layer = new byte[4 << 20];
        new SecureRandom().nextBytes(layer);
        Files.write(context.resolve("layer.bin"), layer);
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY layer.bin /layer.bin\n");
        return new DockerImageAsset(id, Optional.empty(), new DockerImageSource.Directory(context, DockerBuildOptions.none()),
                List.of());
    }

    private static long count(List<String> invocations, String command) {
        return invocations.stream().filter(command::equals).count();
    }
}
