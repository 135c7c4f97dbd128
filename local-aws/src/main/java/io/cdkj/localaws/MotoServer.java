package io.cdkj.localaws;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * A moto server ({@code python3 -m moto.server}) on a free loopback port.
 *
 * <p>Tests use {@link #shared()}: one server per JVM, started lazily and stopped by a shutdown hook.
 * {@link #start(int)} starts a private server that the caller owns and {@link #close() closes}
 * (used by {@link LocalAwsMain}).
 *
 * <p>moto is multi-account: plain keys ({@link #rootKeys()}) act in its default account
 * {@value #DEFAULT_ACCOUNT}; credentials returned by AssumeRole act in the role's account. moto
 * checks neither trust policies nor signatures, so any role ARN can be assumed.
 *
 * <p>Thread-safe.
 */
public final class MotoServer implements AutoCloseable {

  /** The account moto's plain (non-assumed) keys act in. */
  public static final String DEFAULT_ACCOUNT = "123456789012";
  /** The role {@link #callerIn(String)} assumes. */
  public static final String DEFAULT_CALLER_ROLE = "cdkj-test-caller";

  /** Access key id of {@link #rootKeys()}; not a secret (moto accepts any key). */
  static final String ROOT_ACCESS_KEY_ID = "AKIACDKJMOTOROOTKEY0";
  private static final String ROOT_SECRET = "cdkj-moto-root-secret-not-a-real-key-00";
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  private static final List<String> PYTHON = List.of("python3");

  private static MotoServer shared;

  private final MotoProcess process;
  private final URI endpoint;
  private final Path log;
  private final boolean owned;

  private MotoServer(MotoProcess process, boolean owned) {
    this.process = process;
    this.endpoint = process.endpoint();
    this.log = process.log();
    this.owned = owned;
  }

  /**
   * The JVM-wide server, started on first use (a few seconds) and stopped at JVM exit.
   *
   * @throws IllegalStateException if python3 or moto is missing or the server does not answer in 30 s
   */
  public static synchronized MotoServer shared() {
    if (shared == null || !shared.process.isAlive()) {
      MotoServer started = new MotoServer(MotoProcess.launch(PYTHON, MotoProcess.freePort()), false);
      Runtime.getRuntime().addShutdownHook(new Thread(started.process::stop, "cdkj-moto-stop"));
      shared = started;
    }
    return shared;
  }

  /**
   * Starts a server owned by the caller on {@code port} (0 = a free port); {@link #close()} stops it.
   *
   * @throws IllegalStateException if python3 or moto is missing, the port is taken, or the server does not answer in 30 s
   */
  public static MotoServer start(int port) {
    MotoServer started = new MotoServer(MotoProcess.launch(PYTHON, port == 0 ? MotoProcess.freePort() : port), true);
    Runtime.getRuntime().addShutdownHook(new Thread(started.process::stop, "cdkj-moto-stop"));
    return started;
  }

  /** The server's base URL, e.g. {@code http://127.0.0.1:45123}; use it as {@code AWS_ENDPOINT_URL}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The file that receives moto's stdout and stderr. */
  public Path logFile() {
    return log;
  }

  /**
   * Wipes all state in every account and region ({@code POST /moto-api/reset}), including the
   * sessions behind credentials from earlier {@link #callerIn} calls: those then act in
   * {@value #DEFAULT_ACCOUNT}, so get new callers after a reset.
   */
  public void reset() {
    HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
        .POST(HttpRequest.BodyPublishers.noBody()));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("moto reset at " + endpoint + " answered HTTP " + response.statusCode()
          + "; see " + log);
    }
  }

  /** Static keys that act in moto's default account {@value #DEFAULT_ACCOUNT}, like a CI runner's own identity. */
  public AwsCredentials rootKeys() {
    return AwsBasicCredentials.create(ROOT_ACCESS_KEY_ID, ROOT_SECRET);
  }

  /** A caller in {@code account}: assumes {@code arn:aws:iam::<account>:role/cdkj-test-caller} from {@link #rootKeys()}. */
  public AwsSessionCredentials callerIn(String account) {
    return callerIn(account, DEFAULT_CALLER_ROLE);
  }

  /**
   * A caller in {@code account} obtained the way a CI job gets one: AssumeRole of
   * {@code arn:aws:iam::<account>:role/<roleName>} with {@link #rootKeys()}.
   */
  public AwsSessionCredentials callerIn(String account, String roleName) {
    if (account == null || !ACCOUNT.matcher(account).matches()) {
      throw new IllegalArgumentException("account must be 12 digits, got '" + account + "'");
    }
    Objects.requireNonNull(roleName, "roleName");
    try (StsClient sts = stsClient(rootKeys())) {
      AssumeRoleResponse response = sts.assumeRole(r -> r
          .roleArn("arn:aws:iam::" + account + ":role/" + roleName)
          .roleSessionName("cdkj-test"));
      Credentials c = response.credentials();
      return AwsSessionCredentials.builder()
          .accessKeyId(c.accessKeyId())
          .secretAccessKey(c.secretAccessKey())
          .sessionToken(c.sessionToken())
          .expirationTime(c.expiration())
          .accountId(account)
          .build();
    }
  }

  /** An STS client for {@code credentials} against this server in us-east-1; the caller closes it. */
  public StsClient stsClient(AwsCredentials credentials) {
    return StsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .build();
  }

  /** Stops a server started with {@link #start(int)}; does nothing for {@link #shared()} (its hook stops it). */
  @Override
  public void close() {
    if (owned) {
      process.stop();
    }
  }

  @Override
  public String toString() {
    return "MotoServer[" + endpoint + ", log=" + log + "]";
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("moto at " + endpoint + " is unreachable (" + e.getMessage() + "); see " + log, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted talking to moto at " + endpoint, e);
    }
  }

}
