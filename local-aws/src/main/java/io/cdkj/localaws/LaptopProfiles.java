package io.cdkj.localaws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A developer laptop's {@code ~/.aws} for the local endpoint: one AWS profile per account and nothing
 * cdkj-specific, either as IAM Identity Center (SSO) profiles of one {@code sso-session} — with the
 * token {@code aws sso login} would have cached, and the {@link SsoPortal} granting each profile's role
 * — or as {@code role_arn} profiles sourced from moto's root keys. The SSO portal's credentials are
 * sessions moto's AssumeRole made in each account, so they act there in moto.
 *
 * <p>The files hold moto's fake keys and fake tokens only. Stateless.
 */
public final class LaptopProfiles {

  /** The {@code [sso-session NAME]} the SSO profiles share. */
  public static final String SESSION = "cdkj-laptop";
  /** The (fake) AWS access portal the session logs in to. */
  public static final String START_URL = "https://cdkj-laptop.awsapps.com/start";
  /** The profile holding moto's root keys, the source of the role profiles. */
  public static final String ROOT_PROFILE = "laptop-root";

  /**
   * One profile of the laptop.
   *
   * @param profile the profile name, e.g. {@code dev}
   * @param account the account it acts in
   * @param role    the IAM Identity Center permission set (SSO) or the role name ({@code role_arn})
   */
  public record Account(String profile, String account, String role) {
    public Account {
      Objects.requireNonNull(profile, "profile");
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(role, "role");
    }
  }

  /**
   * What a laptop's shell has: its environment, and the secrets its files hold or its portal hands
   * out (fake, but tests assert that none is ever printed).
   *
   * @param environment HOME, the local endpoints and a region, in print order
   * @param secrets     secret keys, session tokens and the SSO access token
   */
  public record Shell(Map<String, String> environment, List<String> secrets) {
    public Shell {
      environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
      secrets = List.copyOf(secrets);
    }

    /** Variable names and the number of secrets only. */
    @Override
    public String toString() {
      return "Shell[environment=" + environment.keySet() + ", secrets=" + secrets.size() + "]";
    }
  }

  private LaptopProfiles() {
  }

  /**
   * Writes {@code home/.aws/config} with {@link #SESSION} and one SSO profile per account, logs the
   * session in (a token valid for {@code tokenValidity}, negative for an expired one) and lets the
   * portal grant each role.
   */
  public static Shell writeSso(Path home, MotoServer moto, SsoPortal portal, List<Account> accounts,
      String region, Duration tokenValidity) throws IOException {
    StringBuilder config = new StringBuilder("# A laptop's AWS config: one IAM Identity Center profile per account\n")
        .append("[sso-session ").append(SESSION).append("]\n")
        .append("sso_start_url = ").append(START_URL).append("\n")
        .append("sso_region = ").append(region).append("\n")
        .append("sso_registration_scopes = sso:account:access\n");
    String token = "cdkj-laptop-sso-token-" + UUID.randomUUID();
    List<String> secrets = new java.util.ArrayList<>(List.of(token));
    for (Account account : accounts) {
      config.append("\n[profile ").append(account.profile()).append("]\n")
          .append("sso_session = ").append(SESSION).append("\n")
          .append("sso_account_id = ").append(account.account()).append("\n")
          .append("sso_role_name = ").append(account.role()).append("\n")
          .append("region = ").append(region).append("\n");
      AwsSessionCredentials session =
          moto.callerIn(account.account(), "AWSReservedSSO_" + account.role() + "_0123456789abcdef");
      secrets.add(session.secretAccessKey());
      secrets.add(session.sessionToken());
      portal.grant(token, account.account(), account.role(), session);
    }
    write(home.resolve(".aws").resolve("config"), config.toString());
    SsoTokenCache.write(home, SESSION, token, Instant.now().plus(tokenValidity), START_URL, region);
    Map<String, String> env = environment(home, moto, region);
    env.put("AWS_ENDPOINT_URL_SSO", portal.endpoint().toString());
    return new Shell(env, secrets);
  }

  /**
   * Writes {@code home/.aws/config} with one {@code role_arn} profile per account, each sourced from
   * {@link #ROOT_PROFILE} (moto's root keys, in {@code home/.aws/credentials}).
   */
  public static Shell writeRoles(Path home, MotoServer moto, List<Account> accounts, String region)
      throws IOException {
    StringBuilder config = new StringBuilder("# A laptop's AWS config: one role profile per account\n");
    for (Account account : accounts) {
      config.append("[profile ").append(account.profile()).append("]\n")
          .append("role_arn = arn:aws:iam::").append(account.account()).append(":role/").append(account.role()).append("\n")
          .append("source_profile = ").append(ROOT_PROFILE).append("\n")
          .append("role_session_name = laptop\n")
          .append("region = ").append(region).append("\n\n");
    }
    write(home.resolve(".aws").resolve("config"), config.toString());
    write(home.resolve(".aws").resolve("credentials"), "# moto's fake root keys\n[" + ROOT_PROFILE + "]\n"
        + "aws_access_key_id = " + moto.rootKeys().accessKeyId() + "\n"
        + "aws_secret_access_key = " + moto.rootKeys().secretAccessKey() + "\n");
    return new Shell(environment(home, moto, region), List.of(moto.rootKeys().secretAccessKey()));
  }

  /** HOME, the local endpoint and a region; no credentials and no profile selected, as on a laptop. */
  private static Map<String, String> environment(Path home, MotoServer moto, String region) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", home.toAbsolutePath().toString());
    env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
    env.put("AWS_REGION", region);
    // No instance metadata service here: without it the SDK's default chain would wait on 169.254.169.254.
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    return env;
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
