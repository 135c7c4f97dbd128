package io.cdkj.toolkit.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A bootstrap template: cdkj's own ({@link #bundled()}) or a custom one ({@code --template FILE}),
 * YAML (short-form tags such as {@code !Ref} included) or JSON. {@code --show-template} prints
 * {@link #text()}; CloudFormation receives {@link #body()}, the tree as compact JSON; the tree also
 * answers which parameters it declares, its version and its variant, the way the CLIs read them.
 * Immutable.
 *
 * @param source where it came from, for messages
 * @param text   the template as written
 * @param parsed the template as a tree, functions in their long form
 */
public record BootstrapTemplate(String source, String text, JsonNode parsed) {

    /** The variant a template without a {@code BootstrapVariant} parameter counts as: the CDK's default template. */
    public static final String CDK_DEFAULT_VARIANT = "AWS CDK: Default Resources";

    /** CloudFormation's limit for an inline {@code TemplateBody}; the bootstrap bucket does not exist yet to hold more. */
    public static final int INLINE_LIMIT = 51_200;

    private static final String RESOURCE = "bootstrap-template.yaml";

    public BootstrapTemplate {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(parsed, "parsed");
    }

    /** cdkj's template, from the toolkit's class path. */
    public static BootstrapTemplate bundled() {
        try (InputStream in = BootstrapTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the toolkit's class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new BootstrapTemplate("cdkj's bootstrap template", text, TemplateYaml.read(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A custom template.
     *
     * @throws ToolkitException ({@link ErrorCode#USAGE}) naming the file when it cannot be read, is not
     *     a YAML or JSON object, or is too large to pass inline
     */
    public static BootstrapTemplate read(Path file) {
        String text;
        JsonNode parsed;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            parsed = TemplateYaml.read(text);
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.USAGE, "--template " + file + " cannot be read as YAML or JSON: "
                    + e.getMessage(), e);
        }
        if (parsed == null || !parsed.isObject() || !parsed.path("Resources").isObject()) {
            throw new ToolkitException(ErrorCode.USAGE, "--template " + file
                    + " is not a CloudFormation template (no Resources section)");
        }
        BootstrapTemplate template = new BootstrapTemplate(file.toString(), text, parsed);
        if (template.body().getBytes(StandardCharsets.UTF_8).length > INLINE_LIMIT) {
            throw new ToolkitException(ErrorCode.USAGE, "--template " + file + " is larger than " + INLINE_LIMIT
                    + " bytes as JSON, CloudFormation's limit for a template passed inline (the bootstrap bucket does"
                    + " not exist yet to hold it); shorten it");
        }
        return template;
    }

    /** What CloudFormation receives: the tree as compact JSON. */
    public String body() {
        return TemplateYaml.json(parsed);
    }

    /**
     * The version the template installs: its {@code BootstrapVersion} output, else the value of its
     * {@code CdkBootstrapVersion} parameter resource, else 0 (a template of neither kind).
     */
    public int version() {
        for (JsonNode candidate : List.of(parsed.path("Outputs").path("BootstrapVersion").path("Value"),
                parsed.path("Resources").path("CdkBootstrapVersion").path("Properties").path("Value"))) {
            if (candidate.isIntegralNumber() && candidate.canConvertToInt()) {
                return candidate.intValue();
            }
            if (candidate.isTextual() && candidate.textValue().matches("\\d+")) {
                return Integer.parseInt(candidate.textValue());
            }
        }
        return 0;
    }

    /** The default of its {@code BootstrapVariant} parameter, else {@link #CDK_DEFAULT_VARIANT}. */
    public String variant() {
        JsonNode variant = parsed.path("Parameters").path(BootstrapParameterNames.VARIANT).path("Default");
        return variant.isTextual() ? variant.textValue() : CDK_DEFAULT_VARIANT;
    }

    /** Whether the template declares parameter {@code name}. */
    public boolean declares(String name) {
        return parsed.path("Parameters").has(name);
    }

    /** The {@code Default} of parameter {@code name}, if it declares one. */
    public Optional<String> defaultOf(String name) {
        JsonNode value = parsed.path("Parameters").path(name).path("Default");
        return value.isValueNode() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** The parameters it declares, in template order. */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        parsed.path("Parameters").fieldNames().forEachRemaining(names::add);
        return List.copyOf(names);
    }

    @Override
    public String toString() {
        return "BootstrapTemplate[" + source + ", version " + version() + ", variant " + variant() + "]";
    }
}
