package io.cdkj.localaws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an AWS API request says about itself on the wire, whichever SDK sent it: the service, region
 * and access key id from the SigV4 {@code Authorization} header's credential scope
 * ({@code Credential=AKID/DATE/REGION/SERVICE/aws4_request}); the operation from {@code X-Amz-Target}
 * (JSON protocols, e.g. {@code AmazonSSM.GetParameter}), the {@code Action} parameter (query
 * protocols: STS, EC2, CloudFormation), the Smithy RPC v2 path, or else the HTTP method (REST
 * protocols). Unsigned requests (STS's AssumeRoleWithWebIdentity) are attributed by their action.
 * Never reads a secret: the signature and the session token are left alone.
 *
 * <p>Stateless and thread-safe.
 */
final class ProxiedRequest {

  private static final Pattern SCOPE = Pattern.compile("Credential=([^/,\\s]+)/[^/]+/([^/]+)/([^/]+)/aws4_request");
  private static final Pattern ACTION = Pattern.compile("(?:^|&)Action=([^&]*)");
  private static final Pattern RPC_V2 = Pattern.compile("/service/[^/]+/operation/([^/?]+)");

  private ProxiedRequest() {
  }

  /**
   * @param authorization the {@code Authorization} header, if any
   * @param target        the {@code X-Amz-Target} header, if any
   * @param query         the raw query string, if any
   * @param formBody      the body when it is {@code application/x-www-form-urlencoded}, else empty
   */
  static AwsCall describe(String method, String path, Optional<String> query, Optional<String> authorization,
      Optional<String> target, Optional<String> formBody) {
    String service = AwsCall.UNKNOWN;
    String region = AwsCall.UNKNOWN;
    String accessKeyId = AwsCall.UNKNOWN;
    Matcher scope = authorization.map(SCOPE::matcher).filter(Matcher::find).orElse(null);
    if (scope != null) {
      accessKeyId = scope.group(1);
      region = scope.group(2);
      service = scope.group(3);
    }
    String operation = target.map(t -> t.substring(t.lastIndexOf('.') + 1))
        .or(() -> formBody.flatMap(ProxiedRequest::action))
        .or(() -> query.flatMap(ProxiedRequest::action))
        .or(() -> rpcV2(path))
        .orElse(method);
    if (scope == null && operation.startsWith("AssumeRoleWith")) {
      service = "sts"; // signed by nothing but the token it carries
    }
    return new AwsCall(service, operation, region, accessKeyId, AwsCall.UNKNOWN);
  }

  private static Optional<String> action(String form) {
    Matcher m = ACTION.matcher(form);
    return m.find() ? Optional.of(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8)) : Optional.empty();
  }

  private static Optional<String> rpcV2(String path) {
    Matcher m = RPC_V2.matcher(path);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
