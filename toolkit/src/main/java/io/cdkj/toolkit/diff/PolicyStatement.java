package io.cdkj.toolkit.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One IAM policy statement as the security diff compares it (intrinsics already rendered, see
 * {@link Intrinsics}). A statement that is itself an intrinsic (e.g. an {@code Fn::If}) cannot be
 * parsed and is kept as its rendered text in {@link #unparsed()}.
 *
 * <p>Immutable; equal statements are equal records.
 *
 * @param sid        {@code Sid}
 * @param effect     {@code Allow}, {@code Deny} or {@code Unknown}
 * @param resources  {@code Resource} / {@code NotResource}
 * @param actions    {@code Action} / {@code NotAction}
 * @param principals {@code Principal} / {@code NotPrincipal}
 * @param condition  {@code Condition}, an empty object when there is none
 * @param unparsed   the statement's text when it is an intrinsic rather than an object
 */
record PolicyStatement(Optional<String> sid, Effect effect, Targets resources, Targets actions, Targets principals,
        JsonNode condition, Optional<String> unparsed) {

    /** A statement's effect. */
    enum Effect { Allow, Deny, Unknown }

    PolicyStatement {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(principals, "principals");
        condition = condition == null || condition.isNull() ? JsonNodeFactory.instance.objectNode() : condition;
        Objects.requireNonNull(unparsed, "unparsed");
    }

    /** The statements of a rendered {@code Statement} value (an array, a single statement, or nothing). */
    static List<PolicyStatement> parse(JsonNode statements) {
        List<PolicyStatement> parsed = new ArrayList<>();
        if (statements == null || statements.isNull() || statements.isMissingNode()) {
            return parsed;
        }
        if (statements.isArray()) {
            statements.forEach(s -> parsed.add(parseOne(s)));
        } else {
            parsed.add(parseOne(statements));
        }
        return parsed;
    }

    private static PolicyStatement parseOne(JsonNode statement) {
        if (!statement.isObject()) {
            Targets none = new Targets(false, List.of());
            return new PolicyStatement(Optional.empty(), Effect.Unknown, none, none, none, null,
                    Optional.of(statement.isTextual() ? statement.textValue() : Intrinsics.compact(statement)));
        }
        return new PolicyStatement(Optional.ofNullable(statement.path("Sid").textValue()), effect(statement.path("Effect")),
                Targets.of(statement, "Resource", "NotResource"), Targets.of(statement, "Action", "NotAction"),
                Targets.of(statement, "Principal", "NotPrincipal"), statement.get("Condition"), Optional.empty());
    }

    private static Effect effect(JsonNode value) {
        return switch (value.asText()) {
            case "Allow" -> Effect.Allow;
            case "Deny" -> Effect.Deny;
            default -> Effect.Unknown;
        };
    }

    /**
     * The statement of an {@code AWS::Lambda::Permission}'s rendered properties: Allow the permission's
     * action on the function, to the principal (an account id becomes its root ARN, a service its
     * {@code Service:} principal), with its source ARN, source account and event source token as
     * conditions.
     */
    static PolicyStatement lambdaPermission(JsonNode properties) {
        ObjectNode statement = JsonNodeFactory.instance.objectNode().put("Effect", "Allow");
        statement.set("Action", properties.get("Action"));
        statement.set("Resource", properties.get("FunctionName"));
        JsonNode principal = properties.get("Principal");
        if (principal != null && principal.isTextual()) {
            String p = principal.textValue();
            if (p.equals("*")) {
                statement.put("Principal", "*");
            } else if (p.matches("\\d{12}")) {
                statement.putObject("Principal").put("AWS", "arn:aws:iam::" + p + ":root");
            } else {
                statement.putObject("Principal").put("Service", p);
            }
        }
        ObjectNode condition = JsonNodeFactory.instance.objectNode();
        if (properties.has("SourceArn")) {
            condition.putObject("ArnLike").set("AWS:SourceArn", properties.get("SourceArn"));
        }
        if (properties.has("SourceAccount")) {
            condition.putObject("StringEquals").set("AWS:SourceAccount", properties.get("SourceAccount"));
        }
        if (properties.has("EventSourceToken")) {
            condition.putObject("StringEquals").set("lambda:EventSourceToken", properties.get("EventSourceToken"));
        }
        if (!condition.isEmpty()) {
            statement.set("Condition", condition);
        }
        return parseOne(statement);
    }

    /** The same statement applying to {@code principal} where it names none (identity policies) or {@code *}. */
    PolicyStatement withDefaultPrincipal(String principal) {
        return new PolicyStatement(sid, effect, resources, actions,
                principals.orIfEmpty(principal).starReplacedBy(principal), condition, unparsed);
    }

    /** The same statement applying to {@code resource} where it names none (resource policies) or {@code *}. */
    PolicyStatement withDefaultResource(String resource) {
        return new PolicyStatement(sid, effect, resources.orIfEmpty(resource).starReplacedBy(resource), actions,
                principals, condition, unparsed);
    }

    /**
     * Whether the statement takes permissions away: an Allow with a {@code Not...} element, or a Deny
     * without one. Adding such a statement narrows; removing it broadens.
     */
    boolean negative() {
        boolean notTarget = actions.not() || principals.not() || resources.not();
        return effect == Effect.Allow ? notTarget : !notTarget;
    }
}
