package io.cdkj.toolkit.lookups;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.localaws.LocalAwsSeeder;
import io.cdkj.toolkit.assembly.MissingContext;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Lookup clients acting in a seeded moto account (the seeder's caller), for provider tests. */
final class MotoClients {

    private MotoClients() {
    }

    static LookupClients of(AwsClientFactory factory, LocalAwsSeeder seeder) {
        return new LookupClients(factory, StaticCredentialsProvider.create(seeder.credentials()),
                new AwsEnvironment(seeder.account(), seeder.region()));
    }

    /** A query for {@code provider} in the seeder's environment; add provider props to the result's props. */
    static ObjectNode props(LocalAwsSeeder seeder) {
        return JsonNodeFactory.instance.objectNode().put("account", seeder.account()).put("region", seeder.region());
    }

    static MissingContext query(String provider, ObjectNode props) {
        return new MissingContext(provider + ":test", provider, props);
    }
}
