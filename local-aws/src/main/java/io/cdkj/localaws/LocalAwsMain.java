package io.cdkj.localaws;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs moto on loopback as a standalone local AWS endpoint for people and scripts:
 *
 * <pre>
 * java -cp 'local-aws/target/local-aws-0.1.0-SNAPSHOT.jar:local-aws/target/lib/*' io.cdkj.localaws.LocalAwsMain \
 *     [--port 4566] [--seed walkthrough] [--seed scale:N] [--aws-dir DIR] [--web-identity] [--laptop HOME]
 *     [--latency MS]
 *     [--ignore-stdin]
 * </pre>
 *
 * <p>With {@code --latency MS}, a {@link LatencyProxy} in front of moto adds that many milliseconds
 * to every request and counts them; the printed {@code AWS_ENDPOINT_URL} is the proxy's (seeding
 * goes to moto directly, undelayed and uncounted).
 *
 * <p>Prints {@code export NAME=value} lines (never a secret) that point the AWS SDKs and CLI at it
 * as the shared-services pipeline caller, then runs until stdin reaches end of file (or until
 * killed / Ctrl-C with {@code --ignore-stdin}), stopping moto on exit. Exit codes: 0 normal,
 * 2 usage error, 1 start failure.
 *
 * <p>{@code --laptop HOME} also writes a developer's {@code HOME/.aws} with one IAM Identity Center
 * profile per walkthrough account ({@link LaptopProfiles}, logged in for eight hours) and runs the
 * {@link SsoPortal} it needs; the extra line {@code export AWS_ENDPOINT_URL_SSO=…} points the SDKs at
 * the portal, and {@code # laptop HOME=…} names the home to run cdkj with.
 */
public final class LocalAwsMain {

  private static final String USAGE = "usage: LocalAwsMain [--port N (default 4566, 0 = free)] "
      + "[--seed walkthrough] [--seed scale:N] [--aws-dir DIR] [--web-identity] [--laptop HOME] [--latency MS] [--ignore-stdin]";

  private LocalAwsMain() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.in));
  }

  /** Runs until {@code in} reaches end of file (or forever with {@code --ignore-stdin}); returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try (MotoServer moto = MotoServer.start(options.port());
         SsoPortal portal = options.laptopHome() != null ? SsoPortal.start() : null;
         LatencyProxy proxy = options.latencyMillis() < 0 ? null
             : LatencyProxy.start(moto.endpoint(), Duration.ofMillis(options.latencyMillis()))) {
      if (options.seedWalkthrough()) {
        Walkthrough.seed(moto);
      }
      if (options.scaleAccounts() > 0) {
        ScaleAccounts.seed(moto, options.scaleAccounts());
      }
      URI endpoint = proxy == null ? moto.endpoint() : proxy.endpoint();
      Path dir = options.awsDir() != null ? options.awsDir() : Files.createTempDirectory("cdkj-local-aws-");
      Map<String, String> env = AwsConfigFiles.write(dir, endpoint, moto, options.webIdentity());
      env.forEach((name, value) -> out.println("export " + name + "=" + value));
      if (portal != null) {
        LaptopProfiles.writeSso(options.laptopHome(), moto, portal, List.of(
            new LaptopProfiles.Account("dev", Walkthrough.DEV_ACCOUNT, "AdministratorAccess"),
            new LaptopProfiles.Account("prod", Walkthrough.PROD_ACCOUNT, "AdministratorAccess")),
            Walkthrough.PROD_REGION, Duration.ofHours(8));
        out.println("export AWS_ENDPOINT_URL_SSO=" + portal.endpoint());
        out.println("# laptop HOME=" + options.laptopHome().toAbsolutePath() + " (sso-session "
            + LaptopProfiles.SESSION + ", profiles dev and prod)");
      }
      out.println("# local AWS (moto) at " + moto.endpoint() + (options.seedWalkthrough() ? ", walkthrough seeded" : "")
          + (options.scaleAccounts() > 0 ? ", " + options.scaleAccounts() + " scale accounts seeded" : "")
          + "; caller: " + Walkthrough.PIPELINE_ROLE_ARN + "; moto log: " + moto.logFile());
      if (proxy != null) {
        out.println("# latency proxy at " + proxy.endpoint() + ": +" + options.latencyMillis() + " ms per request;"
            + " counts: GET " + proxy.endpoint() + LatencyProxy.ADMIN + "calls");
      }
      out.println(options.ignoreStdin() ? "# stop with Ctrl-C" : "# stop with Ctrl-C or Ctrl-D");
      out.flush();
      awaitEnd(in, options.ignoreStdin());
      return 0;
    } catch (IllegalStateException | IOException e) {
      err.println("local AWS failed: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static void awaitEnd(InputStream in, boolean ignoreStdin) throws IOException, InterruptedException {
    if (ignoreStdin) {
      Thread.currentThread().join(); // until the JVM is killed; the shutdown hook stops moto
    }
    byte[] buffer = new byte[256];
    while (in.read(buffer) >= 0) {
      // discard input; end of file ends the run
    }
  }

  record Options(int port, boolean seedWalkthrough, int scaleAccounts, Path awsDir, boolean webIdentity,
      Path laptopHome, long latencyMillis, boolean ignoreStdin) {

    static Options parse(String[] args) {
      long latency = -1;
      int port = 4566;
      boolean seed = false;
      int scale = 0;
      Path dir = null;
      boolean webIdentity = false;
      Path laptopHome = null;
      boolean ignoreStdin = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> port = parsePort(value(args, ++i, "--port"));
          case "--seed" -> {
            String what = value(args, ++i, "--seed");
            if (what.equals("walkthrough")) {
              seed = true;
            } else if (what.matches("scale:\\d{1,4}")) {
              scale = Integer.parseInt(what.substring("scale:".length()));
            } else {
              throw new IllegalArgumentException("unknown --seed '" + what + "'; the seeds are 'walkthrough' and"
                  + " 'scale:N' (N accounts, see ScaleAccounts)");
            }
          }
          case "--aws-dir" -> dir = Path.of(value(args, ++i, "--aws-dir"));
          case "--web-identity" -> webIdentity = true;
          case "--laptop" -> laptopHome = Path.of(value(args, ++i, "--laptop"));
          case "--ignore-stdin" -> ignoreStdin = true;
          case "--latency" -> latency = parseMillis(value(args, ++i, "--latency"));
          default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
        }
      }
      return new Options(port, seed, scale, dir, webIdentity, laptopHome, latency, ignoreStdin);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static long parseMillis(String value) {
      try {
        long millis = Long.parseLong(value);
        if (millis < 0 || millis > 60_000) {
          throw new NumberFormatException();
        }
        return millis;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--latency must be 0..60000 milliseconds, got '" + value + "'");
      }
    }

    private static int parsePort(String value) {
      try {
        int port = Integer.parseInt(value);
        if (port < 0 || port > 65535) {
          throw new NumberFormatException();
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port must be 0..65535, got '" + value + "'");
      }
    }
  }
}
