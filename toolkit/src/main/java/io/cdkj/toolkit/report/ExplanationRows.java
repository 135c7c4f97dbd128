package io.cdkj.toolkit.report;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.credentials.CallerIdentity;
import io.cdkj.toolkit.credentials.Explanation;
import io.cdkj.toolkit.credentials.PluginAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one {@link Explanation}, the same for {@code cdkj credentials --account} and for each
 * stack: where the base credentials come from (and what every plugin answered), who they act as, the
 * role on top and the resulting account. Stateless.
 */
public final class ExplanationRows {

    private ExplanationRows() {
    }

    /**
     * @param stackRole whether the target is a stack's, so the absence of a manifest role is worth a row
     */
    public static Report add(Report rows, Explanation explanation, boolean stackRole) {
        String account = explanation.target().environment().account();
        if (explanation.dryRun()) {
            rows.add("source", "Source", "the default identity if it acts in " + account
                    + "; otherwise the plugins below, in order"
                    + (explanation.roleArn().isPresent() ? "; if none gives credentials, the default identity assumes"
                            + " the manifest role itself" : ""));
            List<String> lines = new ArrayList<>();
            explanation.plugins().forEach(answer -> lines.add(answer.plugin() + ": " + answer.dryRun()));
            if (lines.isEmpty()) {
                lines.add("none selected: only credentials for account " + account
                        + " would work (select one with --plugin NAME)");
            }
            rows.addList("plugins", "Plugins", lines);
        } else {
            CallerIdentity base = explanation.actingAs().orElseThrow();
            rows.add("source", "Source", explanation.plugin().map(p -> "plugin " + p)
                    .orElse("default identity " + base.arn() + (explanation.baseElsewhere()
                            ? " (account " + base.account() + "): no plugin gave credentials for account " + account
                                    + ", so it assumes the manifest role itself — the standard cross-account path into"
                                    + " accounts bootstrapped with --trust " + base.account()
                            : "")));
            rows.addList("declined", "Declined", explanation.plugins().stream()
                    .filter(a -> !(a instanceof PluginAnswer.Provided)).map(PluginAnswer::reason).toList());
            rows.add("roleArn", "Role", base.roleArn().orElse(null))
                    .add("sessionName", "Session name", base.sessionName().orElse(null))
                    .add("actingAs", "Acting as", base.arn());
        }
        if (explanation.roleArn().isPresent()) {
            rows.add("manifestRole", "Manifest role (on top)", explanation.roleArn().get()
                            + (explanation.dryRun() ? " (would be assumed)" : "")
                            + explanation.roleNotAssumed().map(why -> " — not assumed (" + why + "); the credentials"
                                    + " above act in account " + account + " and are used instead").orElse(""))
                    .add("manifestRoleSessionName", "Its session name", explanation.roleSessionName());
        } else if (stackRole) {
            rows.addAbsent("manifestRole", "Manifest role (on top)", "none (the stack names no "
                    + (explanation.target().mode() == Mode.WRITE ? "assumeRoleArn" : "lookupRole")
                    + "; the credentials above are used as they are)");
        }
        return rows.add("account", "Resulting account", explanation.account()
                + (explanation.dryRun() ? " (expected; --dry-run verifies nothing)" : ""));
    }
}
