package io.cdkj.localaws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The AWS IAM Identity Center (SSO) portal API on a free loopback port, for what moto lacks: moto has
 * no portal, so the SDK's SSO credentials provider ({@code GetRoleCredentials},
 * {@code GET /federation/credentials}) is served here with the portal's real REST-JSON shapes. Point
 * the SDK at it with {@code AWS_ENDPOINT_URL_SSO} (or the system property {@code aws.endpointUrlSso}).
 *
 * <p>{@link #grant} answers one (access token, account, role) with credentials the test obtained
 * elsewhere — from moto's AssumeRole into that account, so that they act there. Any other request
 * gets the portal's {@code 401 UnauthorizedException} ("Session token not found or invalid"), as an
 * unknown or revoked token does. Thread-safe (WireMock is); {@link #close()} stops the server.
 */
public final class SsoPortal implements AutoCloseable {

  private static final String PATH = "/federation/credentials";
  private static final String TOKEN_HEADER = "x-amz-sso_bearer_token";
  private static final int GRANT = 1;
  private static final int REFUSE = 10;

  private final WireMockServer server;

  private SsoPortal(WireMockServer server) {
    this.server = server;
  }

  /** Starts a portal that refuses every token until {@link #grant} is called. */
  public static SsoPortal start() {
    WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(get(urlPathEqualTo(PATH)).atPriority(REFUSE).willReturn(aResponse()
        .withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withHeader("x-amzn-ErrorType", "UnauthorizedException:http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/")
        .withBody("{\"message\":\"Session token not found or invalid\"}")));
    return new SsoPortal(server);
  }

  /** Base URL, e.g. {@code http://127.0.0.1:41234}: the value of {@code AWS_ENDPOINT_URL_SSO}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /**
   * GetRoleCredentials of {@code roleName} in {@code account} with {@code accessToken} answers
   * {@code credentials} (their expiration, else one hour from now).
   */
  public void grant(String accessToken, String account, String roleName, AwsSessionCredentials credentials) {
    Objects.requireNonNull(accessToken, "accessToken");
    long expiration = credentials.expirationTime()
        .orElse(java.time.Instant.now().plusSeconds(3600)).toEpochMilli();
    server.stubFor(get(urlPathEqualTo(PATH)).atPriority(GRANT)
        .withQueryParam("account_id", equalTo(account))
        .withQueryParam("role_name", equalTo(roleName))
        .withHeader(TOKEN_HEADER, equalTo(accessToken))
        .willReturn(aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"roleCredentials\":{"
                + "\"accessKeyId\":\"" + credentials.accessKeyId() + "\","
                + "\"secretAccessKey\":\"" + credentials.secretAccessKey() + "\","
                + "\"sessionToken\":\"" + credentials.sessionToken() + "\","
                + "\"expiration\":" + expiration + "}}")));
  }

  /** How many GetRoleCredentials requests arrived (granted or refused). */
  public int roleCredentialRequests() {
    return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(PATH)).build()).getCount();
  }

  @Override
  public void close() {
    server.stop();
  }

  @Override
  public String toString() {
    return "SsoPortal[" + endpoint() + "]";
  }
}
