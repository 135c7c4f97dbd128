package io.cdkj.toolkit.testing;

import io.cdkj.localaws.MotoServer;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * What one account holds, seen by that account's own caller on moto: for asserting that a
 * deployment created its resources in its own account only.
 */
public final class AccountView {

    private AccountView() {
    }

    /** The IAM role names of {@code account}. */
    public static List<String> roles(MotoServer moto, String account) {
        try (IamClient iam = IamClient.builder().region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(moto.callerIn(account))).build()) {
            return iam.listRoles().roles().stream().map(r -> r.roleName()).toList();
        }
    }

    /** The value of the SSM parameter {@code name} in {@code account} and {@code region}, if it exists. */
    public static Optional<String> parameter(MotoServer moto, String account, String region, String name) {
        try (SsmClient ssm = SsmClient.builder().region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(moto.callerIn(account))).build()) {
            return Optional.of(ssm.getParameter(r -> r.name(name)).parameter().value());
        } catch (ParameterNotFoundException e) {
            return Optional.empty();
        }
    }
}
