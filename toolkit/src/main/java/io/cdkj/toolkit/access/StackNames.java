package io.cdkj.toolkit.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The names a stack is known by, for matching the keys of {@code cdkj:credentials}: its artifact id,
 * its display name ({@code Stage/Stack}, the path users type) and its CloudFormation stack name.
 *
 * <p>Immutable.
 *
 * @param id          the artifact id
 * @param displayName the hierarchical id; its leading parts are the stack's stages
 * @param stackName   the CloudFormation stack name
 */
public record StackNames(String id, String displayName, String stackName) {

    public StackNames {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(stackName, "stackName");
    }

    /** The distinct names of the stack itself, display name first. */
    public List<String> own() {
        List<String> names = new ArrayList<>(List.of(displayName));
        for (String name : List.of(id, stackName)) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The paths of the stages the stack is in, nearest first: {@code A/B/Stack} → {@code A/B}, {@code A}. */
    public List<String> stages() {
        List<String> stages = new ArrayList<>();
        for (int slash = displayName.lastIndexOf('/'); slash > 0; slash = displayName.lastIndexOf('/', slash - 1)) {
            stages.add(displayName.substring(0, slash));
        }
        return stages;
    }
}
