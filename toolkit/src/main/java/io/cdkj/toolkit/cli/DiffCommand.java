package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.deploy.DiffMethod;
import io.cdkj.toolkit.deploy.DiffOptions;
import io.cdkj.toolkit.deploy.StackSelection;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cdkj diff}: per stack, its security changes and what its synthesized template changes against
 * the deployed one (nested stacks included), in the Node CDK CLI's layout; exit 1 with {@code --fail}
 * when any stack differs.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare each stack's synthesized template with the deployed one: security changes, then every"
                + " change by section.",
        footer = {"0 compared (1 with --fail when a stack differs), 3 no credentials for an account, 6 an AWS call failed,"
                + " 2 bad arguments."})
public final class DiffCommand extends ToolkitCommand {

    @Parameters(paramLabel = "STACKS", arity = "0..*",
            description = "Stacks to compare (default: all), with the stacks they depend on unless --exclusively.")
    private List<String> stacks = new ArrayList<>();

    @Option(names = {"-e", "--exclusively"}, negatable = true, description = "Do not add the stacks the named ones depend on.")
    private boolean exclusively;

    @Mixin
    private SynthOptionsMixin synth = new SynthOptionsMixin();

    @Option(names = "--fail", negatable = true, description = "Exit 1 when any stack differs.")
    private boolean fail;

    @Option(names = {"-m", "--method"}, paramLabel = "auto|change-set|template", defaultValue = "auto",
            description = "template: compare templates with READ credentials (the lookup role) only; change-set: create"
                    + " a change set (WRITE credentials) to show replacements; auto (default): a change set when possible.")
    private String method;

    @Option(names = {"--change-set", "--changeset"}, negatable = true, fallbackValue = "true",
            description = "Deprecated in the Node CLI: --no-change-set is --method template.")
    private Boolean changeSet;

    @Option(names = "--security-only", description = "Only the stacks whose security changes widen permissions, only those tables.")
    private boolean securityOnly;

    @Option(names = "--context-lines", paramLabel = "N", defaultValue = "3",
            description = "Unchanged lines shown around each change of a JSON value (default ${DEFAULT-VALUE}).")
    private int contextLines;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing for stacks without differences.")
    private boolean quiet;

    @Override
    protected int run(Toolkit toolkit) {
        if (contextLines < 0) {
            throw new ToolkitException(ErrorCode.USAGE, "--context-lines must not be negative, got " + contextLines);
        }
        DiffMethod diffMethod = DiffMethod.parse(method);
        if (Boolean.FALSE.equals(changeSet)) {
            diffMethod = DiffMethod.TEMPLATE;
        }
        var assembly = toolkit.synth(toolkit.synthSettings(synth.warm(),
                exclusively && !stacks.isEmpty() ? stacks : List.of("**"), true)).assembly();
        var selected = StackSelection.select(assembly, stacks, stacks.isEmpty(),
                exclusively ? StackSelection.Extend.NONE : StackSelection.Extend.UPSTREAM, toolkit.credentialOverrides());
        int differing = toolkit.differ().diff(selected,
                new DiffOptions(diffMethod, contextLines, securityOnly, quiet, toolkit.options().strict()));
        return fail && differing > 0 ? 1 : 0;
    }
}
