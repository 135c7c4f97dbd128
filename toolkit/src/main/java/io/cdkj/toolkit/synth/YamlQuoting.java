package io.cdkj.toolkit.synth;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides which strings must be quoted in YAML output so that every reader gets a string back:
 * besides what YAML syntax requires (left to the default checker and the emitter), every plain
 * scalar a YAML 1.1 resolver (SnakeYAML, PyYAML, the {@code yaml-1.1} schema the Node CDK CLI
 * writes with) or a YAML 1.2 core resolver would read as another type: null, booleans including
 * {@code y}/{@code n}/{@code on}/{@code off}, integers in every base (with {@code _} separators
 * and sexagesimal {@code 12:30}), floats ({@code 1.0}, {@code .5}, {@code 1e3}, {@code .inf},
 * {@code .nan}), timestamps, and the {@code <<} / {@code =} keys.
 *
 * <p>Stateless and thread-safe.
 */
final class YamlQuoting extends StringQuotingChecker {

    private static final long serialVersionUID = 1L;

    private static final List<Pattern> NOT_STRINGS = List.of(
            // null
            Pattern.compile("~|null|Null|NULL"),
            // booleans, YAML 1.1 (with the one-letter forms) and 1.2
            Pattern.compile("y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"),
            // integers: binary, octal (1.1 leading zero and 1.2 0o), decimal, hex, sexagesimal
            Pattern.compile("[-+]?0b[0-1_]+"),
            Pattern.compile("[-+]?0[0-7_]+|0o[0-7]+"),
            Pattern.compile("[-+]?(0|[1-9][0-9_]*)"),
            Pattern.compile("[-+]?0x[0-9a-fA-F_]+"),
            Pattern.compile("[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+"),
            // floats: the 1.1 spec's form (dots anywhere after the first), SnakeYAML's and 1.2's exponents
            Pattern.compile("[-+]?([0-9][0-9_]*)?\\.[0-9.]*([eE][-+][0-9]+)?"),
            Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"),
            Pattern.compile("[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*"),
            Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"),
            // timestamps
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}"),
            Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?"
                    + "([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?"),
            // merge key and the 1.1 "value" key
            Pattern.compile("<<|="));

    private final StringQuotingChecker syntax = StringQuotingChecker.Default.instance();

    @Override
    public boolean needToQuoteName(String name) {
        return syntax.needToQuoteName(name) || readsAsAnotherType(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
        return syntax.needToQuoteValue(value) || readsAsAnotherType(value);
    }

    /** Whether a plain scalar {@code text} would not be read back as the string {@code text}. */
    static boolean readsAsAnotherType(String text) {
        if (text.isEmpty()) {
            return true;
        }
        for (Pattern pattern : NOT_STRINGS) {
            if (pattern.matcher(text).matches()) {
                return true;
            }
        }
        return false;
    }
}
