package io.cdkj.localaws;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learns which account an access key acts in from STS response bodies seen on the wire (XML of the
 * query protocol, or JSON): AssumeRole* responses pair the new {@code AccessKeyId} with the assumed
 * role's ARN, GetCallerIdentity names the account of the key that signed the request. The secret
 * key and session token in those bodies are never extracted.
 *
 * <p>Stateless and thread-safe.
 */
final class StsResponses {

  private static final Pattern ACCESS_KEY_ID = Pattern.compile("AccessKeyId\"?\\s*[>:]\\s*\"?([A-Z0-9]{16,128})");
  private static final Pattern ASSUMED_ROLE_ARN = Pattern.compile("arn:[a-z-]+:sts::(\\d{12}):assumed-role/");
  private static final Pattern ACCOUNT = Pattern.compile("Account\"?\\s*[>:]\\s*\"?(\\d{12})");

  private StsResponses() {
  }

  /** Records into {@code log} what {@code body}, the response to {@code call}, says about keys and accounts. */
  static void learn(AwsCall call, String body, AwsCallLog log) {
    if (!call.service().equalsIgnoreCase("sts")) {
      return;
    }
    if (call.operation().startsWith("AssumeRole")) {
      Matcher key = ACCESS_KEY_ID.matcher(body);
      Matcher arn = ASSUMED_ROLE_ARN.matcher(body);
      if (key.find() && arn.find()) {
        log.learn(key.group(1), arn.group(1));
      }
    } else if (call.operation().equals("GetCallerIdentity")) {
      Matcher account = ACCOUNT.matcher(body);
      if (account.find()) {
        log.learn(call.accessKeyId(), account.group(1));
      }
    }
  }
}
