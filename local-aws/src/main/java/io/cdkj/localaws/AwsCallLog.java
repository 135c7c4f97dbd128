package io.cdkj.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The AWS calls made in this JVM, recorded by {@link CallCountingInterceptor}, and the mapping of
 * access key ids to accounts learned from STS responses.
 *
 * <p>Accounts of calls recorded before their key's account was learned are filled in when read.
 * To count calls made in another JVM (e.g. the {@code cdkj} launcher run as a process), put
 * local-aws on that JVM's class path and set its environment variable {@value #FILE_ENV} (or
 * system property {@value #FILE_PROPERTY}) to a file; every call and learned key is appended there
 * as a tab-separated line, and {@link #readFile(Path)} reads them back.
 * {@link #reset()} clears the calls but keeps the key-to-account mapping (keys stay valid).
 * Thread-safe.
 */
public final class AwsCallLog {

  /** Environment variable naming a file to which calls are appended (cross-process counting). */
  public static final String FILE_ENV = "CDKJ_AWS_CALL_LOG";
  /** System property naming a file to which calls are appended; wins over {@link #FILE_ENV}. */
  public static final String FILE_PROPERTY = "cdkj.awsCallLog";

  private static final AwsCallLog GLOBAL = new AwsCallLog();
  private static final String KEY_MARK = "=";
  private static final Object FILE_LOCK = new Object();

  private final List<AwsCall> calls = new CopyOnWriteArrayList<>();
  private final Map<String, String> accountsByKey = new ConcurrentHashMap<>();
  private final Map<String, String> rolesByKey = new ConcurrentHashMap<>();

  AwsCallLog() {
    accountsByKey.put(MotoServer.ROOT_ACCESS_KEY_ID, MotoServer.DEFAULT_ACCOUNT);
  }

  /** The log fed by the globally registered interceptor. */
  public static AwsCallLog global() {
    return GLOBAL;
  }

  /**
   * The calls and learned keys a JVM appended to {@code file} (see {@link #FILE_ENV}); accounts
   * unknown there are resolved through the file's keys, then through {@link #global()}.
   */
  public static AwsCallLog readFile(Path file) throws IOException {
    AwsCallLog log = new AwsCallLog();
    if (!Files.exists(file)) {
      return log;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      if (f.length == 3 && f[0].equals(KEY_MARK)) {
        log.accountsByKey.put(f[1], f[2]);
      } else if (f.length == 5) {
        log.record(new AwsCall(f[0], f[1], f[2], f[3], f[4]));
      }
    }
    GLOBAL.accountsByKey.forEach(log.accountsByKey::putIfAbsent);
    return log;
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

  /**
   * The role name {@code accessKeyId}'s session assumed (from the STS answer that issued it, seen in
   * this JVM), e.g. {@code cdk-hnb659fds-image-publishing-role-111111111111-us-east-2}; empty for other keys.
   */
  public Optional<String> roleOf(String accessKeyId) {
    return accessKeyId == null ? Optional.empty() : Optional.ofNullable(rolesByKey.get(accessKeyId));
  }

  static void learnRoleGlobally(String accessKeyId, String roleName) {
    if (accessKeyId != null && roleName != null) {
      GLOBAL.rolesByKey.put(accessKeyId, roleName);
    }
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

  /** Records into the global log and, if configured, appends to the cross-process file. */
  static void recordGlobally(AwsCall call) {
    GLOBAL.record(call);
    append(String.join("\t", call.service(), call.operation(), call.region(), call.accessKeyId(), call.account()));
  }

  /** Learns into the global log and, if configured, appends to the cross-process file. */
  static void learnGlobally(String accessKeyId, String account) {
    if (accessKeyId != null && account != null && !AwsCall.UNKNOWN.equals(account)) {
      GLOBAL.learn(accessKeyId, account);
      append(String.join("\t", KEY_MARK, accessKeyId, account));
    }
  }

  private static void append(String line) {
    String file = System.getProperty(FILE_PROPERTY, System.getenv(FILE_ENV));
    if (file == null || file.isBlank()) {
      return;
    }
    synchronized (FILE_LOCK) { // one writer per JVM; O_APPEND keeps short lines whole across JVMs
      try {
        Files.writeString(Path.of(file), line + "\n", StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to the AWS call log " + file + " (" + FILE_ENV + ")", e);
      }
    }
  }

  private static boolean matches(AwsCall call, String service, String operation) {
    return call.service().equalsIgnoreCase(service) && call.operation().equals(operation);
  }

  @Override
  public String toString() {
    return "AwsCallLog[" + calls.size() + " calls]";
  }
}
