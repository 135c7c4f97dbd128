package io.cdkj.localaws;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A scope that sets the SDK's {@code aws.*} system properties and restores the previous values on
 * {@link #close()}, so the SDK's default chain acts as a given caller against a local endpoint:
 *
 * <pre>{@code
 * try (var scope = AwsSystemProperties.caller(moto.endpoint(), moto.callerIn("222222222222"))) {
 *   // DefaultCredentialsProvider.builder().build() now resolves to the caller in 222222222222
 * }
 * }</pre>
 *
 * <p><b>Caching:</b> {@code DefaultCredentialsProvider.create()} is a JVM-wide singleton that caches
 * the first credentials it resolves; tests and product code must use
 * {@code DefaultCredentialsProvider.builder().build()} so each provider sees the current properties.
 *
 * <p>System properties are JVM-global: do not run test classes that use scopes in parallel.
 * Not thread-safe; open and close on one thread, scopes nested last-in first-out.
 */
public final class AwsSystemProperties implements AutoCloseable {

  public static final String ENDPOINT_URL = "aws.endpointUrl";
  public static final String ACCESS_KEY_ID = "aws.accessKeyId";
  public static final String SECRET_ACCESS_KEY = "aws.secretAccessKey";
  public static final String SESSION_TOKEN = "aws.sessionToken";
  public static final String REGION = "aws.region";
  /** The region scopes use when none is given. */
  public static final String DEFAULT_REGION = "us-east-1";

  private final Map<String, String> previous;
  private boolean closed;

  private AwsSystemProperties(Map<String, String> values) {
    Map<String, String> saved = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      saved.put(key, System.getProperty(key));
      if (value == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, value);
      }
    });
    this.previous = Collections.unmodifiableMap(saved);
  }

  /** Endpoint, credentials (session token cleared for basic keys) and region us-east-1. */
  public static AwsSystemProperties caller(URI endpoint, AwsCredentials credentials) {
    return caller(endpoint, credentials, DEFAULT_REGION);
  }

  /** Endpoint, credentials (session token cleared for basic keys) and {@code region}. */
  public static AwsSystemProperties caller(URI endpoint, AwsCredentials credentials, String region) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(credentials, "credentials");
    Map<String, String> values = new LinkedHashMap<>();
    values.put(ENDPOINT_URL, endpoint.toString());
    values.put(ACCESS_KEY_ID, credentials.accessKeyId());
    values.put(SECRET_ACCESS_KEY, credentials.secretAccessKey());
    values.put(SESSION_TOKEN,
        credentials instanceof AwsSessionCredentials s ? s.sessionToken() : null);
    values.put(REGION, Objects.requireNonNull(region, "region"));
    return new AwsSystemProperties(values);
  }

  /** Only the endpoint and region; credentials properties are left as they are. */
  public static AwsSystemProperties endpoint(URI endpoint, String region) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(ENDPOINT_URL, Objects.requireNonNull(endpoint, "endpoint").toString());
    values.put(REGION, Objects.requireNonNull(region, "region"));
    return new AwsSystemProperties(values);
  }

  /**
   * Routes one service to {@code endpoint}, e.g. {@code serviceEndpoint("Sts", wireMock.endpoint())}
   * sets {@code aws.endpointUrlSts} (the SDK's per-service form of {@code AWS_ENDPOINT_URL_STS}),
   * which wins over {@code aws.endpointUrl}. {@code serviceSuffix} is the SDK's spelling, e.g.
   * {@code "Sts"}, {@code "Ssm"}, {@code "Ec2"}, {@code "CloudFormation"}.
   */
  public static AwsSystemProperties serviceEndpoint(String serviceSuffix, URI endpoint) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(ENDPOINT_URL + Objects.requireNonNull(serviceSuffix, "serviceSuffix"),
        Objects.requireNonNull(endpoint, "endpoint").toString());
    return new AwsSystemProperties(values);
  }

  /** Any properties; a {@code null} value clears that property for the scope. */
  public static AwsSystemProperties set(Map<String, String> values) {
    return new AwsSystemProperties(new LinkedHashMap<>(values));
  }

  /** Restores every property to its value before this scope (cleared if it had none). Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    previous.forEach((key, value) -> {
      if (value == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, value);
      }
    });
  }

  @Override
  public String toString() {
    return "AwsSystemProperties" + previous.keySet(); // names only: values may be secrets
  }
}
