package io.cdkj.toolkit.lookups.apps;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in CDK app for lookup fan-out tests, without jsii: {@code ManyAccountsApp N} writes a cloud
 * assembly with N stacks, stack i in account 400000000001 + i (us-east-1), each missing one SSM lookup of
 * {@value #PARAMETER} until the context it is given holds that key. With a second argument, the URL of a
 * {@code LatencyProxy}'s {@code calls} endpoint, a run that misses values first waits (up to 30 s) until
 * the proxy has seen one GetParameter per stack, and writes whether it did to {@code waited.txt} in the
 * output directory: proof that the lookups ran while this run was still under way.
 */
public final class ManyAccountsApp {

    /** The parameter each stack looks up in its own account. */
    public static final String PARAMETER = "/cdkj/scale/message";

    private ManyAccountsApp() {
    }

    public static void main(String[] args) throws IOException {
        int stacks = Integer.parseInt(args[0]);
        String overflow = System.getenv("CONTEXT_OVERFLOW_LOCATION_ENV");
        String context = overflow != null ? Files.readString(Path.of(overflow))
                : System.getenv().getOrDefault("CDK_CONTEXT_JSON", "{}");
        Path out = Path.of(System.getenv("CDK_OUTDIR"));
        Files.createDirectories(out);
        StringBuilder artifacts = new StringBuilder();
        StringBuilder missing = new StringBuilder();
        for (int i = 0; i < stacks; i++) {
            String account = account(i);
            String key = key(account);
            artifacts.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "\"Stack%d\":{\"type\":\"aws:cloudformation:stack\",\"environment\":\"aws://%s/us-east-1\","
                            + "\"properties\":{\"templateFile\":\"Stack%d.template.json\"}}", i, account, i));
            Files.writeString(out.resolve("Stack" + i + ".template.json"), "{\"Resources\":{}}");
            if (!context.contains("\"" + key + "\"")) {
                missing.append(missing.length() == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"key\":\"%s\",\"provider\":\"ssm\",\"props\":{\"account\":\"%s\",\"region\":\"us-east-1\","
                                + "\"parameterName\":\"%s\"}}", key, account, PARAMETER));
            }
        }
        if (args.length > 1 && missing.length() > 0) {
            Files.writeString(out.resolve("waited.txt"), String.valueOf(awaitLookups(URI.create(args[1]), stacks)));
        }
        Files.writeString(out.resolve("manifest.json"), "{\"version\":\"48.0.0\",\"artifacts\":{" + artifacts + "}"
                + (missing.length() == 0 ? "" : ",\"missing\":[" + missing + "]") + "}");
    }

    /** Whether the proxy saw {@code stacks} GetParameter calls within 30 s. */
    private static boolean awaitLookups(URI calls, int stacks) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (System.nanoTime() < deadline) {
                long seen = http.send(HttpRequest.newBuilder(calls).build(), HttpResponse.BodyHandlers.ofString()).body()
                        .lines().filter(l -> l.startsWith("ssm\tGetParameter\t"))
                        .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf('\t') + 1))).sum();
                if (seen >= stacks) {
                    return true;
                }
                Thread.sleep(50);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The account of stack {@code i}. */
    public static String account(int i) {
        return String.format(Locale.ROOT, "%012d", 400_000_000_001L + i);
    }

    /** The context key of the lookup in {@code account}. */
    public static String key(String account) {
        return "ssm:account=" + account + ":parameterName=" + PARAMETER + ":region=us-east-1";
    }
}
