package io.cdkj.localaws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The AWS calls made in this JVM, recorded by {@link CallCountingInterceptor}, and the mapping of
 * access key ids to accounts learned from STS responses.
 *
 * <p>Accounts of calls recorded before their key's account was learned are filled in when read.
 * {@link #reset()} clears the calls but keeps the key-to-account mapping (keys stay valid).
 * Thread-safe.
 */
public final class AwsCallLog {

  private static final AwsCallLog GLOBAL = new AwsCallLog();

  private final List<AwsCall> calls = new CopyOnWriteArrayList<>();
  private final Map<String, String> accountsByKey = new ConcurrentHashMap<>();

  AwsCallLog() {
    accountsByKey.put(MotoServer.ROOT_ACCESS_KEY_ID, MotoServer.DEFAULT_ACCOUNT);
  }

  /** The log fed by the globally registered interceptor. */
  public static AwsCallLog global() {
    return GLOBAL;
  }

  /** Every call since the last {@link #reset()}, oldest first. */
  public List<AwsCall> calls() {
    List<AwsCall> result = new ArrayList<>(calls.size());
    for (AwsCall call : calls) {
      if (AwsCall.UNKNOWN.equals(call.account())) {
        String account = accountOf(call.accessKeyId());
        call = new AwsCall(call.service(), call.operation(), call.region(), call.accessKeyId(), account);
      }
      result.add(call);
    }
    return List.copyOf(result);
  }

  /** Forgets the calls (not the learned key-to-account mapping). */
  public void reset() {
    calls.clear();
  }

  /** Number of calls of {@code service}/{@code operation}, e.g. {@code count("Sts", "AssumeRole")}. */
  public long count(String service, String operation) {
    return calls().stream().filter(c -> matches(c, service, operation)).count();
  }

  /** Number of calls of {@code service}/{@code operation} made with credentials acting in {@code account}. */
  public long count(String service, String operation, String account) {
    return calls().stream().filter(c -> matches(c, service, operation) && c.account().equals(account)).count();
  }

  /** The accounts (sorted) in which {@code service}/{@code operation} was called. */
  public Set<String> accountsFor(String service, String operation) {
    Set<String> accounts = new TreeSet<>();
    calls().stream().filter(c -> matches(c, service, operation)).forEach(c -> accounts.add(c.account()));
    return accounts;
  }

  /** The account {@code accessKeyId} acts in, or {@code "unknown"}. */
  public String accountOf(String accessKeyId) {
    return accessKeyId == null ? AwsCall.UNKNOWN : accountsByKey.getOrDefault(accessKeyId, AwsCall.UNKNOWN);
  }

  /** Records that {@code accessKeyId} acts in {@code account} (for keys obtained outside this JVM). */
  public void learn(String accessKeyId, String account) {
    if (accessKeyId != null && account != null && !AwsCall.UNKNOWN.equals(account)) {
      accountsByKey.put(accessKeyId, account);
    }
  }

  void record(AwsCall call) {
    calls.add(call);
  }

  private static boolean matches(AwsCall call, String service, String operation) {
    return call.service().equalsIgnoreCase(service) && call.operation().equals(operation);
  }

  @Override
  public String toString() {
    return "AwsCallLog[" + calls.size() + " calls]";
  }
}
