package io.cdkj.localaws;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: {@code @ExtendWith(MotoExtension.class)}.
 *
 * <ul>
 *   <li>before all tests of the class, starts (or reuses) {@link MotoServer#shared()};</li>
 *   <li>injects {@link MotoServer} into constructors, lifecycle and test methods;</li>
 *   <li>for the duration of the class, sets {@code aws.endpointUrl} to moto and {@code aws.region} to
 *       us-east-1 unless already set, so every SDK client in the JVM talks to moto; the previous
 *       values are restored after the class. Credentials are not set: use
 *       {@link AwsSystemProperties#caller} or explicit providers.</li>
 * </ul>
 *
 * <p>moto's state is not reset automatically: call {@link MotoServer#reset()} where a test needs a
 * clean slate. System properties are JVM-global, so do not run such classes in parallel.
 * Thread-safe as JUnit uses it.
 */
public final class MotoExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoExtension.class);
  private static final String SCOPE = "aws-system-properties";

  @Override
  public void beforeAll(ExtensionContext context) {
    MotoServer moto = MotoServer.shared();
    String region = System.getProperty(AwsSystemProperties.REGION, AwsSystemProperties.DEFAULT_REGION);
    context.getStore(NAMESPACE).put(SCOPE, AwsSystemProperties.endpoint(moto.endpoint(), region));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    AwsSystemProperties scope = context.getStore(NAMESPACE).remove(SCOPE, AwsSystemProperties.class);
    if (scope != null) {
      scope.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == MotoServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return MotoServer.shared();
  }
}
