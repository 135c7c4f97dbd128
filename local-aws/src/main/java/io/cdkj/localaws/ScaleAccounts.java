package io.cdkj.localaws;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark's many accounts, matching sample-app's {@code ScaleApp}: account i (from 0) is
 * {@code 400000000001 + i}, region {@value #REGION}, each with SSM parameter {@value #PARAMETER_NAME}
 * = {@code "hello from <account>"}. {@link #seed} also warms each account up in moto — its STS, SSM
 * and EC2 backends, which moto builds lazily on an account's first call (the EC2 one takes seconds)
 * — so a timed run measures the tools, not moto's set-up. Stateless.
 */
public final class ScaleAccounts {

  public static final String REGION = "us-east-1";
  public static final String PARAMETER_NAME = "/cdkj/scale/message";

  private static final long FIRST_ACCOUNT = 400_000_000_001L;
  private static final int SEED_THREADS = 8;

  private ScaleAccounts() {
  }

  /** Account {@code i}, from 0. */
  public static String account(int i) {
    return String.format(Locale.ROOT, "%012d", FIRST_ACCOUNT + i);
  }

  /** The parameter value in {@code account}. */
  public static String message(String account) {
    return "hello from " + account;
  }

  /** Seeds and warms up accounts 0 to {@code count - 1}, several at a time. */
  public static void seed(MotoServer moto, int count) {
    ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
    try {
      List<Future<?>> seeded = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String account = account(i);
        seeded.add(pool.submit(() -> {
          LocalAwsSeeder seeder = LocalAwsSeeder.in(moto, account, REGION);
          seeder.ssmParameter(PARAMETER_NAME, message(account));
          seeder.availabilityZones();
        }));
      }
      for (Future<?> future : seeded) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while seeding the scale accounts", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("seeding the scale accounts failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
