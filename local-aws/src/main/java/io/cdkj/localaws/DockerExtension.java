package io.cdkj.localaws;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * JUnit 5 extension: {@code @ExtendWith(DockerExtension.class)} gives the test class a private
 * container engine and registry ({@link LocalDocker#shared()}, one per JVM, shared by every class) and
 * injects {@link LocalDocker} and {@link LocalRegistry} into constructors, lifecycle and test methods.
 * Both are stopped at the end of the test run, also when tests fail (the root context closes the
 * instance; a shutdown hook is the fallback).
 *
 * <p>When {@code dockerd} cannot start (not root, no overlayfs, packages missing), the class is
 * skipped with a loud message on stderr — but with {@value #REQUIRE_VARIABLE}{@code =1} in the
 * environment (set by {@code .ci/run}) it fails instead, because CI must run these tests.
 * Thread-safe as JUnit uses it.
 */
public final class DockerExtension implements BeforeAllCallback, ParameterResolver {

  /** Environment variable that turns "dockerd cannot start" from a skip into a failure. */
  public static final String REQUIRE_VARIABLE = "CDKJ_REQUIRE_DOCKER";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DockerExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    docker(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalDocker.class || type == LocalRegistry.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LocalDocker docker = docker(context);
    return parameter.getParameter().getType() == LocalRegistry.class ? docker.registry() : docker;
  }

  private static LocalDocker docker(ExtensionContext context) {
    LocalDocker docker = sharedOrSkip(context.getDisplayName());
    // the root store closes (AutoCloseable) the instance when the whole test run ends
    context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(LocalDocker.class, key -> docker, LocalDocker.class);
    return docker;
  }

  /**
   * {@link LocalDocker#shared()} for tests that need the engine only in some cases (e.g. one row of a
   * parameterized test): skips the calling test loudly when dockerd cannot start, or fails it with
   * {@value #REQUIRE_VARIABLE}{@code =1}.
   *
   * @param who what needs the engine, for the message
   * @throws TestAbortedException when dockerd cannot start (and it is not required)
   */
  public static LocalDocker sharedOrSkip(String who) {
    try {
      return LocalDocker.shared();
    } catch (IllegalStateException e) {
      String message = "dockerd could not start, so " + who + " cannot run its docker tests: " + e.getMessage();
      if ("1".equals(System.getenv(REQUIRE_VARIABLE))) {
        throw new IllegalStateException(message + " (" + REQUIRE_VARIABLE + "=1: CI must run these tests)", e);
      }
      System.err.println();
      System.err.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
      System.err.println("!!! SKIPPED: " + message);
      System.err.println("!!! CI must run these: install docker.io and docker-registry (.ci/run does) as root,");
      System.err.println("!!! and set " + REQUIRE_VARIABLE + "=1 so a daemon that cannot start fails the build.");
      System.err.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
      throw new TestAbortedException("SKIPPED: " + message);
    }
  }
}
