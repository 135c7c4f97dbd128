package io.cdkj.localaws;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an AWS config + credentials file pair that reaches the shared-services pipeline caller
 * the way a CI job does: profile {@value #PIPELINE_PROFILE} assumes
 * {@link Walkthrough#PIPELINE_ROLE_ARN} from profile {@value #SOURCE_PROFILE} (moto's root keys).
 * With web identity, also a token file for {@code AWS_WEB_IDENTITY_TOKEN_FILE}.
 *
 * <p>The credentials file holds moto's fixed fake root keys only. Stateless.
 */
public final class AwsConfigFiles {

  public static final String SOURCE_PROFILE = "cdkj-moto-root";
  public static final String PIPELINE_PROFILE = "cdkj-pipeline";
  static final String WEB_IDENTITY_TOKEN = "cdkj-local-web-identity-token";

  private AwsConfigFiles() {
  }

  /**
   * Writes {@code config}, {@code credentials} (and {@code web-identity-token} if asked) into
   * {@code dir} and returns the environment variables that select them, in print order.
   */
  public static Map<String, String> write(Path dir, URI endpoint, MotoServer moto, boolean webIdentity)
      throws IOException {
    Files.createDirectories(dir);
    Path config = dir.resolve("config").toAbsolutePath();
    Path credentials = dir.resolve("credentials").toAbsolutePath();
    Files.writeString(config, ""
        + "# Written by io.cdkj.localaws.LocalAwsMain for the local endpoint " + endpoint + "\n"
        + "[profile " + SOURCE_PROFILE + "]\n"
        + "region = " + Walkthrough.PROD_REGION + "\n"
        + "endpoint_url = " + endpoint + "\n\n"
        + "[profile " + PIPELINE_PROFILE + "]\n"
        + "role_arn = " + Walkthrough.PIPELINE_ROLE_ARN + "\n"
        + "source_profile = " + SOURCE_PROFILE + "\n"
        + "role_session_name = cdkj-pipeline\n"
        + "region = " + Walkthrough.PROD_REGION + "\n"
        + "endpoint_url = " + endpoint + "\n");
    Files.writeString(credentials, ""
        + "# moto's fake root keys (act in moto's default account " + MotoServer.DEFAULT_ACCOUNT + ")\n"
        + "[" + SOURCE_PROFILE + "]\n"
        + "aws_access_key_id = " + moto.rootKeys().accessKeyId() + "\n"
        + "aws_secret_access_key = " + moto.rootKeys().secretAccessKey() + "\n");

    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_ENDPOINT_URL", endpoint.toString());
    env.put("AWS_REGION", Walkthrough.PROD_REGION);
    env.put("AWS_CONFIG_FILE", config.toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
    if (webIdentity) {
      Path token = dir.resolve("web-identity-token").toAbsolutePath();
      Files.writeString(token, WEB_IDENTITY_TOKEN);
      env.put("AWS_ROLE_ARN", Walkthrough.PIPELINE_ROLE_ARN);
      env.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
      env.put("AWS_ROLE_SESSION_NAME", "cdkj-pipeline");
    } else {
      env.put("AWS_PROFILE", PIPELINE_PROFILE);
    }
    return env;
  }
}
