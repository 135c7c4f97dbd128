package io.cdkj.localaws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WireMock server on a free loopback port that plays STS for what moto cannot do: AccessDenied on
 * AssumeRole (trust failures), throttling, 5xx, slow responses, and successes with any account
 * (e.g. a plugin handing out wrong-account credentials). Bodies are STS's real query-protocol XML;
 * stubs match the form-encoded POST body ({@code Action=AssumeRole}, {@code RoleArn=...}).
 *
 * <p>Requests nothing matches get WireMock's 404. Credentials in successes use the fixed fake
 * {@link #SECRET_ACCESS_KEY} and {@link #SESSION_TOKEN} so tests can assert they never leak.
 * Thread-safe (WireMock is); {@link #close()} stops the server.
 */
public final class WireMockAws implements AutoCloseable {

  /** The secret key every stubbed success returns (fake; assert it never appears in output). */
  public static final String SECRET_ACCESS_KEY = "wmSecretKey0000000000000000000000000000000";
  /** The session token every stubbed success returns (fake; assert it never appears in output). */
  public static final String SESSION_TOKEN = "wmSessionToken/FwoGZXIvYXdzEXAMPLEONLY0000000000000000000000000000==";

  private static final String NS = "https://sts.amazonaws.com/doc/2011-06-15/";
  private static final Pattern ROLE_ARN = Pattern.compile("^arn:[^:]+:iam::(\\d{12}):role/(?:.*/)?([^/]+)$");
  private static final int SPECIFIC = 1;
  private static final int GENERIC = 5;

  private final WireMockServer server;

  private WireMockAws(WireMockServer server) {
    this.server = server;
  }

  /** Starts a server on a free loopback port. */
  public static WireMockAws start() {
    WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    return new WireMockAws(server);
  }

  /** Base URL, e.g. {@code http://127.0.0.1:41234}; use as STS endpoint or {@code aws.endpointUrl}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** The underlying server, for stubs this class does not offer. */
  public WireMockServer server() {
    return server;
  }

  /**
   * AssumeRole of {@code roleArn} fails with HTTP 403 AccessDenied, message
   * {@code User: <callerArn> is not authorized to perform: sts:AssumeRole on resource: <roleArn>}.
   */
  public void stubAssumeRoleAccessDenied(String roleArn, String callerArn) {
    server.stubFor(assumeRole(roleArn).willReturn(error(403, "Sender", "AccessDenied",
        "User: " + callerArn + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn)));
  }

  /** AssumeRole of {@code roleArn} is always throttled (HTTP 400 Throttling, "Rate exceeded"). */
  public void stubAssumeRoleThrottled(String roleArn) {
    server.stubFor(assumeRole(roleArn).willReturn(throttling()));
  }

  /**
   * AssumeRole of {@code roleArn} is throttled {@code throttledTimes} times, then succeeds with
   * {@code accessKeyId} acting in the role's account (and keeps succeeding).
   */
  public void stubAssumeRoleThrottledThenOk(String roleArn, String accessKeyId, int throttledTimes) {
    String scenario = "throttled-" + UUID.randomUUID();
    for (int i = 0; i < throttledTimes; i++) {
      server.stubFor(assumeRole(roleArn).inScenario(scenario)
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "throttled-" + i)
          .willSetStateTo(i + 1 == throttledTimes ? "ok" : "throttled-" + (i + 1))
          .willReturn(throttling()));
    }
    server.stubFor(assumeRole(roleArn).inScenario(scenario)
        .whenScenarioStateIs(throttledTimes == 0 ? Scenario.STARTED : "ok")
        .willReturn(assumeRoleOk(roleArn, accessKeyId, accountOf(roleArn))));
  }

  /** AssumeRole of {@code roleArn} succeeds with {@code accessKeyId} acting in the role's account. */
  public void stubAssumeRoleSuccess(String roleArn, String accessKeyId) {
    stubAssumeRoleSuccess(roleArn, accessKeyId, accountOf(roleArn), Duration.ZERO);
  }

  /**
   * AssumeRole of {@code roleArn} succeeds after {@code delay}, returning {@code accessKeyId} with an
   * assumed-role ARN in {@code actingAccount} (which may differ from the role's: a wrong-account answer).
   */
  public void stubAssumeRoleSuccess(String roleArn, String accessKeyId, String actingAccount, Duration delay) {
    server.stubFor(assumeRole(roleArn)
        .willReturn(assumeRoleOk(roleArn, accessKeyId, actingAccount).withFixedDelay((int) delay.toMillis())));
  }

  /** GetCallerIdentity by any key answers {@code arn} (its account parsed from the ARN). */
  public void stubGetCallerIdentity(String arn) {
    server.stubFor(action("GetCallerIdentity").atPriority(GENERIC).willReturn(callerIdentity(arn)));
  }

  /** GetCallerIdentity signed with {@code accessKeyId} answers {@code arn}. */
  public void stubGetCallerIdentity(String accessKeyId, String arn) {
    server.stubFor(action("GetCallerIdentity").atPriority(SPECIFIC)
        .withHeader("Authorization", containing("Credential=" + accessKeyId + "/"))
        .willReturn(callerIdentity(arn)));
  }

  /** Every request for {@code action} answers HTTP {@code status} (500 InternalFailure, 503 ServiceUnavailable, other: InternalFailure). */
  public void stubServerError(String action, int status) {
    String code = status == 503 ? "ServiceUnavailable" : "InternalFailure";
    String message = status == 503 ? "Service is unavailable. Please try again later."
        : "An internal error occurred. Please try again later.";
    server.stubFor(action(action).atPriority(SPECIFIC).willReturn(error(status, "Receiver", code, message)));
  }

  /** Every request for {@code action} answers an error {@code code} with {@code status} after {@code delay}. */
  public void stubError(String action, int status, String code, String message, Duration delay) {
    server.stubFor(action(action).atPriority(SPECIFIC)
        .willReturn(error(status, status >= 500 ? "Receiver" : "Sender", code, message)
            .withFixedDelay((int) delay.toMillis())));
  }

  /** How many requests (attempts, so retries count) WireMock received for the query-protocol {@code action}. */
  public int requestsFor(String action) {
    return server.countRequestsMatching(postRequestedFor(anyUrl())
        .withFormParam("Action", equalTo(action)).build()).getCount();
  }

  /** Removes all stubs and forgets all requests. */
  public void reset() {
    server.resetAll();
  }

  @Override
  public void close() {
    server.stop();
  }

  @Override
  public String toString() {
    return "WireMockAws[" + endpoint() + "]";
  }

  private static MappingBuilder action(String action) {
    return post(anyUrl()).withFormParam("Action", equalTo(action));
  }

  private static MappingBuilder assumeRole(String roleArn) {
    return action("AssumeRole").atPriority(SPECIFIC).withFormParam("RoleArn", equalTo(roleArn));
  }

  private static ResponseDefinitionBuilder throttling() {
    return error(400, "Sender", "Throttling", "Rate exceeded");
  }

  private static ResponseDefinitionBuilder error(int status, String type, String code, String message) {
    String requestId = UUID.randomUUID().toString();
    return xml(status, requestId, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>" + type + "</Type><Code>" + code
        + "</Code><Message>" + escape(message) + "</Message></Error><RequestId>" + requestId
        + "</RequestId></ErrorResponse>");
  }

  private static ResponseDefinitionBuilder assumeRoleOk(String roleArn, String accessKeyId, String actingAccount) {
    String roleName = matchRole(roleArn).group(2);
    String expiration = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    String requestId = UUID.randomUUID().toString();
    return xml(200, requestId, "<AssumeRoleResponse xmlns=\"" + NS + "\"><AssumeRoleResult><AssumedRoleUser>"
        + "<AssumedRoleId>AROAWIREMOCKEXAMPLE00:cdkj</AssumedRoleId><Arn>arn:aws:sts::" + actingAccount
        + ":assumed-role/" + escape(roleName) + "/cdkj</Arn></AssumedRoleUser><Credentials><AccessKeyId>"
        + escape(accessKeyId) + "</AccessKeyId><SecretAccessKey>" + SECRET_ACCESS_KEY
        + "</SecretAccessKey><SessionToken>" + SESSION_TOKEN + "</SessionToken><Expiration>" + expiration
        + "</Expiration></Credentials><PackedPolicySize>6</PackedPolicySize></AssumeRoleResult>"
        + "<ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata></AssumeRoleResponse>");
  }

  private static ResponseDefinitionBuilder callerIdentity(String arn) {
    Matcher m = Pattern.compile("^arn:[^:]+:[^:]+::(\\d{12}):").matcher(arn);
    if (!m.find()) {
      throw new IllegalArgumentException("not an IAM/STS ARN with an account: '" + arn + "'");
    }
    String requestId = UUID.randomUUID().toString();
    return xml(200, requestId, "<GetCallerIdentityResponse xmlns=\"" + NS + "\"><GetCallerIdentityResult>"
        + "<Arn>" + escape(arn) + "</Arn><UserId>AIDAWIREMOCKEXAMPLE00</UserId><Account>" + m.group(1)
        + "</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>" + requestId
        + "</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
  }

  private static ResponseDefinitionBuilder xml(int status, String requestId, String body) {
    return aResponse().withStatus(status)
        .withHeader("Content-Type", "text/xml")
        .withHeader("x-amzn-RequestId", requestId)
        .withBody(body);
  }

  private static String accountOf(String roleArn) {
    return matchRole(roleArn).group(1);
  }

  private static Matcher matchRole(String roleArn) {
    Matcher m = ROLE_ARN.matcher(Objects.requireNonNull(roleArn, "roleArn"));
    if (!m.matches()) {
      throw new IllegalArgumentException("not an IAM role ARN: '" + roleArn + "' (want arn:aws:iam::<account>:role/<name>)");
    }
    return m;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
