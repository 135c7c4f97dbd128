package io.cdkj.toolkit.diff;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which CloudFormation resource types and properties carry security-relevant content: IAM policies
 * (identity, resource, managed), Lambda permissions, and security group rules. The CloudFormation
 * resource specification marks these properties; the table holds the types CDK apps use.
 *
 * <p>Stateless and thread-safe.
 */
final class Scrutiny {

    /** A resource that is itself a policy or a rule. */
    enum ResourceKind { IDENTITY_POLICY, RESOURCE_POLICY, LAMBDA_PERMISSION, INGRESS_RULE, EGRESS_RULE }

    /** A property holding a policy, managed policy ARNs or rules. */
    enum PropertyKind { INLINE_IDENTITY_POLICIES, INLINE_RESOURCE_POLICY, MANAGED_POLICIES, INGRESS_RULES, EGRESS_RULES }

    private static final Set<String> IDENTITY_POLICIES = Set.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy",
            "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy");

    private static final Set<String> RESOURCE_POLICIES = Set.of("AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy",
            "AWS::SQS::QueueInlinePolicy", "AWS::SNS::TopicPolicy", "AWS::SNS::TopicInlinePolicy",
            "AWS::Lambda::ResourcePolicy", "AWS::SecretsManager::ResourcePolicy", "AWS::Logs::ResourcePolicy",
            "AWS::ECR::RegistryPolicy", "AWS::IoT::Policy", "AWS::Kinesis::ResourcePolicy", "AWS::MSK::ClusterPolicy",
            "AWS::S3Express::BucketPolicy", "AWS::S3::MultiRegionAccessPointPolicy",
            "AWS::S3ObjectLambda::AccessPointPolicy", "AWS::S3Outposts::BucketPolicy", "AWS::SSM::ResourcePolicy",
            "AWS::EventSchemas::RegistryPolicy", "AWS::CloudTrail::ResourcePolicy", "AWS::VpcLattice::AuthPolicy",
            "AWS::VpcLattice::ResourcePolicy", "AWS::Bedrock::ResourcePolicy");

    private static final Map<String, Map<String, PropertyKind>> PROPERTIES = Map.ofEntries(
            Map.entry("AWS::IAM::Role", Map.of("Policies", PropertyKind.INLINE_IDENTITY_POLICIES,
                    "ManagedPolicyArns", PropertyKind.MANAGED_POLICIES,
                    "AssumeRolePolicyDocument", PropertyKind.INLINE_RESOURCE_POLICY)),
            Map.entry("AWS::IAM::User", Map.of("Policies", PropertyKind.INLINE_IDENTITY_POLICIES,
                    "ManagedPolicyArns", PropertyKind.MANAGED_POLICIES)),
            Map.entry("AWS::IAM::Group", Map.of("Policies", PropertyKind.INLINE_IDENTITY_POLICIES,
                    "ManagedPolicyArns", PropertyKind.MANAGED_POLICIES)),
            Map.entry("AWS::EC2::SecurityGroup", Map.of("SecurityGroupIngress", PropertyKind.INGRESS_RULES,
                    "SecurityGroupEgress", PropertyKind.EGRESS_RULES)),
            Map.entry("AWS::KMS::Key", Map.of("KeyPolicy", PropertyKind.INLINE_RESOURCE_POLICY)),
            Map.entry("AWS::KMS::ReplicaKey", Map.of("KeyPolicy", PropertyKind.INLINE_RESOURCE_POLICY)),
            Map.entry("AWS::ApiGateway::RestApi", Map.of("Policy", PropertyKind.INLINE_RESOURCE_POLICY)),
            Map.entry("AWS::ECR::Repository", Map.of("RepositoryPolicyText", PropertyKind.INLINE_RESOURCE_POLICY)),
            Map.entry("AWS::ECR::PublicRepository", Map.of("RepositoryPolicyText", PropertyKind.INLINE_RESOURCE_POLICY)),
            Map.entry("AWS::EFS::FileSystem", Map.of("FileSystemPolicy", PropertyKind.INLINE_RESOURCE_POLICY)),
            Map.entry("AWS::Events::EventBus", Map.of("Policy", PropertyKind.INLINE_RESOURCE_POLICY)),
            Map.entry("AWS::EC2::VPCEndpoint", Map.of("PolicyDocument", PropertyKind.INLINE_RESOURCE_POLICY)),
            Map.entry("AWS::Backup::BackupVault", Map.of("AccessPolicy", PropertyKind.INLINE_RESOURCE_POLICY)),
            Map.entry("AWS::S3::AccessPoint", Map.of("Policy", PropertyKind.INLINE_RESOURCE_POLICY)),
            Map.entry("AWS::CodeArtifact::Domain", Map.of("PermissionsPolicyDocument", PropertyKind.INLINE_RESOURCE_POLICY)),
            Map.entry("AWS::CodeArtifact::Repository",
                    Map.of("PermissionsPolicyDocument", PropertyKind.INLINE_RESOURCE_POLICY)),
            Map.entry("AWS::Logs::LogGroup", Map.of("ResourcePolicyDocument", PropertyKind.INLINE_RESOURCE_POLICY)),
            Map.entry("AWS::Oam::Sink", Map.of("Policy", PropertyKind.INLINE_RESOURCE_POLICY)),
            Map.entry("AWS::Serverless::Function", Map.of("AssumeRolePolicyDocument", PropertyKind.INLINE_RESOURCE_POLICY)));

    private Scrutiny() {
    }

    /** What a resource of {@code type} is, when it is itself a policy, permission or rule. */
    static Optional<ResourceKind> resource(String type) {
        if (IDENTITY_POLICIES.contains(type)) {
            return Optional.of(ResourceKind.IDENTITY_POLICY);
        }
        if (RESOURCE_POLICIES.contains(type)) {
            return Optional.of(ResourceKind.RESOURCE_POLICY);
        }
        return switch (type) {
            case "AWS::Lambda::Permission" -> Optional.of(ResourceKind.LAMBDA_PERMISSION);
            case "AWS::EC2::SecurityGroupIngress" -> Optional.of(ResourceKind.INGRESS_RULE);
            case "AWS::EC2::SecurityGroupEgress" -> Optional.of(ResourceKind.EGRESS_RULE);
            default -> Optional.empty();
        };
    }

    /** The security-relevant properties of {@code type}, by name. */
    static Map<String, PropertyKind> properties(String type) {
        return PROPERTIES.getOrDefault(type, Map.of());
    }
}
