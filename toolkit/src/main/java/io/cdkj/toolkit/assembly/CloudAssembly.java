package io.cdkj.toolkit.assembly;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A synthesized cloud assembly: every stack (including those in nested Stage assemblies, in manifest
 * order) and the context the app still misses. Read it with {@link AssemblyReader}.
 *
 * <p>Immutable.
 *
 * @param directory the assembly directory ({@code cdk.out})
 * @param version   the manifest's schema version, e.g. {@code 54.0.0}
 * @param stacks    all stacks, top-level first, then nested assemblies depth-first
 * @param missing   context lookups the app asked for, de-duplicated by key (nested ones included)
 */
public record CloudAssembly(Path directory, String version, List<StackArtifact> stacks, List<MissingContext> missing) {

    public CloudAssembly {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(version, "version");
        stacks = List.copyOf(stacks);
        missing = List.copyOf(missing);
    }

    /**
     * The stack a user named: by display name ({@code Stage/Stack}), artifact id or CloudFormation
     * stack name, in that order of preference.
     */
    public Optional<StackArtifact> stack(String name) {
        Objects.requireNonNull(name, "name");
        return stacks.stream().filter(s -> s.displayName().equals(name)).findFirst()
                .or(() -> stacks.stream().filter(s -> s.id().equals(name)).findFirst())
                .or(() -> stacks.stream().filter(s -> s.stackName().equals(name)).findFirst());
    }

    /** Display names of all stacks, as {@code cdkj list} prints them. */
    public List<String> stackIds() {
        return stacks.stream().map(StackArtifact::displayName).toList();
    }

    /** Error annotations of every stack, in stack order. */
    public List<Annotation> errors() {
        return stacks.stream().flatMap(s -> s.errors().stream()).toList();
    }
}
