package io.cdkj.toolkit.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the {@link SecurityChanges} between a deployed template and a proposed one, from the
 * resources that differ: their policy-holding properties ({@link Scrutiny#properties}) and, for
 * resources that are policies, permissions or rules themselves ({@link Scrutiny#resource}), their
 * whole properties. Identity policy statements apply to their role, user or group
 * ({@code AWS:${Role}}) where they name no principal; resource policy statements to their resource
 * ({@code ${Key.Arn}}) where they name none. Unlike the Node CDK CLI, an {@code AWS::IAM::RolePolicy}
 * (or User/GroupPolicy) names its identity through {@code RoleName} and is not skipped.
 *
 * <p>Stateless and thread-safe: a pure function of the two templates.
 */
public final class SecurityDiff {

    private SecurityDiff() {
    }

    /** The changes from {@code deployed} (missing when the stack is new) to {@code proposed}. */
    public static SecurityChanges between(JsonNode deployed, JsonNode proposed) {
        Sides statements = new Sides();
        Sides managed = new Sides();
        Sides ingress = new Sides();
        Sides egress = new Sides();
        JsonNode oldResources = resources(deployed);
        JsonNode newResources = resources(proposed);
        Set<String> ids = new LinkedHashSet<>();
        oldResources.fieldNames().forEachRemaining(ids::add);
        newResources.fieldNames().forEachRemaining(ids::add);
        for (String id : ids) {
            JsonNode before = oldResources.path(id);
            JsonNode after = newResources.path(id);
            if (before.equals(after)) {
                continue;
            }
            Optional<String> oldType = Optional.ofNullable(before.path("Type").textValue());
            Optional<String> newType = Optional.ofNullable(after.path("Type").textValue());
            JsonNode oldProperties = before.path("Properties");
            JsonNode newProperties = after.path("Properties");
            if (oldType.isPresent() && newType.isPresent() && !oldType.equals(newType)) {
                readResource(oldType.get(), oldProperties, statements.old, ingress.old, egress.old);
                readResource(newType.get(), newProperties, statements.now, ingress.now, egress.now);
                continue;
            }
            String type = newType.or(() -> oldType).orElse("");
            readResource(type, oldProperties, statements.old, ingress.old, egress.old);
            readResource(type, newProperties, statements.now, ingress.now, egress.now);
            for (Map.Entry<String, Scrutiny.PropertyKind> property : Scrutiny.properties(type).entrySet()) {
                readProperty(property.getValue(), id, oldProperties.get(property.getKey()),
                        statements.old, managed.old, ingress.old, egress.old);
                readProperty(property.getValue(), id, newProperties.get(property.getKey()),
                        statements.now, managed.now, ingress.now, egress.now);
            }
        }
        return new SecurityChanges(statements.delta(), managed.delta(), ingress.delta(), egress.delta());
    }

    /** One kind of element, as found in the deployed and the proposed template. */
    private static final class Sides {
        final List<Object> old = new ArrayList<>();
        final List<Object> now = new ArrayList<>();

        @SuppressWarnings("unchecked")
        <T> SecurityChanges.Delta<T> delta() {
            return (SecurityChanges.Delta<T>) SecurityChanges.Delta.between(old, now);
        }
    }

    private static JsonNode resources(JsonNode template) {
        JsonNode resources = template == null ? MissingNode.getInstance() : template.path("Resources");
        return resources.isObject() ? resources : MissingNode.getInstance();
    }

    private static void readProperty(Scrutiny.PropertyKind kind, String id, JsonNode value, List<Object> statements,
            List<Object> managed, List<Object> ingress, List<Object> egress) {
        if (value == null || value.isNull()) {
            return;
        }
        switch (kind) {
            case INLINE_IDENTITY_POLICIES -> {
                if (value.isArray()) {
                    for (JsonNode policy : value) {
                        JsonNode document = policy.path("PolicyDocument").path("Statement");
                        JsonNode rendered = Intrinsics.render(document.isMissingNode() ? policy : document);
                        PolicyStatement.parse(rendered).forEach(s -> statements.add(s.withDefaultPrincipal("AWS:${" + id + "}")));
                    }
                }
            }
            case INLINE_RESOURCE_POLICY -> PolicyStatement.parse(Intrinsics.render(value.path("Statement")))
                    .forEach(s -> statements.add(s.withDefaultResource("${" + id + ".Arn}")));
            case MANAGED_POLICIES -> {
                JsonNode rendered = Intrinsics.render(value);
                for (String arn : rendered == null ? List.<String>of() : rendered.isArray() ? texts(rendered)
                        : List.of(rendered.asText())) {
                    managed.add(new ManagedPolicyAttachment("${" + id + "}", arn));
                }
            }
            case INGRESS_RULES, EGRESS_RULES -> {
                if (value.isArray()) {
                    for (JsonNode rule : value) {
                        JsonNode rendered = Intrinsics.render(rule);
                        if (rendered != null && rendered.isObject()) {
                            (kind == Scrutiny.PropertyKind.INGRESS_RULES ? ingress : egress)
                                    .add(SecurityGroupRule.of(rendered, Optional.of("${" + id + ".GroupId}")));
                        }
                    }
                }
            }
            default -> throw new IllegalStateException("unhandled property kind " + kind);
        }
    }

    private static void readResource(String type, JsonNode properties, List<Object> statements, List<Object> ingress,
            List<Object> egress) {
        Optional<Scrutiny.ResourceKind> kind = Scrutiny.resource(type);
        if (kind.isEmpty() || !properties.isObject()) {
            return;
        }
        JsonNode rendered = Intrinsics.render(properties);
        switch (kind.get()) {
            case IDENTITY_POLICY -> {
                List<String> identities = new ArrayList<>();
                for (String key : List.of("Groups", "Users", "Roles")) {
                    identities.addAll(texts(rendered.path(key)));
                }
                for (String key : List.of("GroupName", "UserName", "RoleName")) {
                    Optional.ofNullable(rendered.path(key).textValue()).ifPresent(identities::add);
                }
                for (String identity : identities) {
                    PolicyStatement.parse(rendered.path("PolicyDocument").path("Statement"))
                            .forEach(s -> statements.add(s.withDefaultPrincipal("AWS:" + identity)));
                }
            }
            case RESOURCE_POLICY -> readResourcePolicy(rendered, statements);
            case LAMBDA_PERMISSION -> statements.add(PolicyStatement.lambdaPermission(rendered));
            case INGRESS_RULE -> ingress.add(SecurityGroupRule.of(rendered, Optional.empty()));
            case EGRESS_RULE -> egress.add(SecurityGroupRule.of(rendered, Optional.empty()));
            default -> throw new IllegalStateException("unhandled resource kind " + kind.get());
        }
    }

    /** A policy resource ({@code AWS::S3::BucketPolicy} ...): its statements apply to the resource it names. */
    private static void readResourcePolicy(JsonNode properties, List<Object> statements) {
        List<String> policyKeys = new ArrayList<>();
        List<String> resourceKeys = new ArrayList<>();
        properties.fieldNames().forEachRemaining(key -> {
            if (key.contains("Policy")) {
                policyKeys.add(key);
            } else if (!key.endsWith("Name")) {
                resourceKeys.add(key);
            }
        });
        if (policyKeys.isEmpty()) {
            return;
        }
        JsonNode target = resourceKeys.size() == 1 ? properties.get(resourceKeys.get(0)) : null;
        List<String> resources = target == null ? List.of("???") : target.isArray() ? texts(target) : List.of(target.asText());
        for (String resource : resources) {
            PolicyStatement.parse(properties.path(policyKeys.get(0)).path("Statement"))
                    .forEach(s -> statements.add(s.withDefaultResource(resource)));
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(e -> texts.add(e.isTextual() ? e.textValue() : Intrinsics.compact(e)));
        }
        return texts;
    }
}
