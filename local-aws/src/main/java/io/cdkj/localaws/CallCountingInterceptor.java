package io.cdkj.localaws;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Records every SDK call into {@link AwsCallLog#global()}, successful or failed.
 *
 * <p>Registered for every SDK client in a JVM that has local-aws on its class path through the
 * resource {@code software/amazon/awssdk/global/handlers/execution.interceptors}. The access key id
 * is read from the signed request's {@code Authorization} header; its account is learned from STS
 * AssumeRole/AssumeRoleWithWebIdentity/GetCallerIdentity responses. Secret keys and session tokens
 * are never read or stored. Stateless and thread-safe.
 */
public final class CallCountingInterceptor implements ExecutionInterceptor {

  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");
  private static final Pattern ARN_ACCOUNT = Pattern.compile("^arn:[^:]+:sts::(\\d{12}):");

  /** Public no-arg constructor: the SDK instantiates global interceptors reflectively. */
  public CallCountingInterceptor() {
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    String accessKeyId = accessKeyId(context.httpRequest());
    learnAccount(context.response(), accessKeyId);
    record(attributes, accessKeyId);
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    record(attributes, context.httpRequest().map(CallCountingInterceptor::accessKeyId).orElse(AwsCall.UNKNOWN));
  }

  private static void record(ExecutionAttributes attributes, String accessKeyId) {
    String service = Optional.ofNullable(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
        .orElse(AwsCall.UNKNOWN);
    String operation = Optional.ofNullable(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
        .orElse(AwsCall.UNKNOWN);
    String region = Optional.ofNullable(attributes.getAttribute(AwsExecutionAttribute.AWS_REGION))
        .map(Region::id).orElse(AwsCall.UNKNOWN);
    AwsCallLog.recordGlobally(
        new AwsCall(service, operation, region, accessKeyId, AwsCallLog.global().accountOf(accessKeyId)));
  }

  private static void learnAccount(SdkResponse response, String requestKey) {
    if (response instanceof AssumeRoleResponse r) {
      learnAssumed(r.credentials(), r.assumedRoleUser());
    } else if (response instanceof AssumeRoleWithWebIdentityResponse r) {
      learnAssumed(r.credentials(), r.assumedRoleUser());
    } else if (response instanceof GetCallerIdentityResponse r) {
      if (!AwsCall.UNKNOWN.equals(requestKey)) {
        AwsCallLog.learnGlobally(requestKey, r.account());
      }
    }
  }

  private static void learnAssumed(Credentials credentials, AssumedRoleUser user) {
    if (credentials == null || user == null || user.arn() == null) {
      return;
    }
    Matcher m = ARN_ACCOUNT.matcher(user.arn());
    if (m.find()) {
      AwsCallLog.learnGlobally(credentials.accessKeyId(), m.group(1));
    }
    // arn:aws:sts::ACCOUNT:assumed-role/ROLE-NAME/SESSION
    String[] parts = user.arn().split("/");
    if (parts.length >= 3 && parts[0].endsWith(":assumed-role")) {
      AwsCallLog.learnRoleGlobally(credentials.accessKeyId(), parts[1]);
    }
  }

  static String accessKeyId(SdkHttpRequest request) {
    return request.firstMatchingHeader("Authorization")
        .map(CREDENTIAL::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .orElse(AwsCall.UNKNOWN);
  }
}
