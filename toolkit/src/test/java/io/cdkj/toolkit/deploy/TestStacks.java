package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.aws.AwsEnvironment;
import java.nio.file.Path;

/** Stack artifacts for deploy tests that build them directly rather than reading an assembly. */
final class TestStacks {

    private TestStacks() {
    }

    /** A stack named {@code name} (id, display name and stack name) in {@code environment}. */
    static StackArtifact.Builder stack(String name, AwsEnvironment environment, Path template) {
        return StackArtifact.builder(name, environment.toString(), template);
    }
}
