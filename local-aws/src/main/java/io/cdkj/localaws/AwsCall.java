package io.cdkj.localaws;

/**
 * One SDK API call seen by {@link CallCountingInterceptor} (one per execution, retries included).
 *
 * @param service the SDK's service name, e.g. {@code "Sts"}, {@code "Ssm"}, {@code "Ec2"}
 * @param operation the operation name, e.g. {@code "AssumeRole"}
 * @param region the signing region, or {@code "unknown"}
 * @param accessKeyId the access key id that signed the request, or {@code "unknown"} (never a secret)
 * @param account the account that key acts in, or {@code "unknown"} if no mapping was learned
 */
public record AwsCall(String service, String operation, String region, String accessKeyId, String account) {

  /** Placeholder for a field the interceptor could not determine. */
  public static final String UNKNOWN = "unknown";
}
