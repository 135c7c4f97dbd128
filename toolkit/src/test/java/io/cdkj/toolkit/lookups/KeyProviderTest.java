package io.cdkj.toolkit.lookups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.localaws.LocalAwsSeeder;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.aws.AwsClientFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class KeyProviderTest {

    private final AwsClientFactory factory = new AwsClientFactory();

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void lookup_aliasAmongMany_returnsTargetKeyIdObject(MotoServer moto) {
        // given: several aliases (the listing may span pages), the wanted one created last
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");
        LookupClients clients = MotoClients.of(factory, dev);
        String prefix = "alias/cdkj-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            alias(clients, prefix + "-other-" + i);
        }
        String keyId = alias(clients, prefix + "-wanted");

        // when
        JsonNode value = new KeyProvider().lookup(MotoClients.query("key-provider",
                MotoClients.props(dev).put("aliasName", prefix + "-wanted")), clients);

        // then
        assertThat(value.get("keyId").asText()).isEqualTo(keyId);
        assertThat(value.size()).isEqualTo(1);
    }

    @Test
    void lookup_aliasInAnotherAccount_failsWithTheCdkMessage(MotoServer moto) {
        // given
        String aliasName = "alias/prod-only-" + System.nanoTime();
        alias(MotoClients.of(factory, LocalAwsSeeder.in(moto, "333333333333", "us-east-1")), aliasName);
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");

        // then
        assertThatThrownBy(() -> new KeyProvider().lookup(MotoClients.query("key-provider",
                MotoClients.props(dev).put("aliasName", aliasName)), MotoClients.of(factory, dev)))
                .isInstanceOf(LookupException.class)
                .hasMessageContaining("Could not find any key with alias named " + aliasName)
                .hasMessageContaining("account 111111111111");
    }

    @Test
    void lookup_missingAliasWithIgnoreErrorAndDummy_returnsDummyKeyId(MotoServer moto) {
        // given
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");
        ObjectNode props = MotoClients.props(dev).put("aliasName", "alias/absent-" + System.nanoTime())
                .put("ignoreErrorOnMissingContext", true);
        props.putObject("dummyValue").put("keyId", "1234abcd-12ab-34cd-56ef-1234567890ab");

        // when
        JsonNode value = new KeyProvider().lookup(MotoClients.query("key-provider", props), MotoClients.of(factory, dev));

        // then
        assertThat(value.get("keyId").asText()).isEqualTo("1234abcd-12ab-34cd-56ef-1234567890ab");
    }

    private static String alias(LookupClients clients, String aliasName) {
        String keyId = clients.kms().createKey(r -> r.description("cdkj test")).keyMetadata().keyId();
        clients.kms().createAlias(r -> r.aliasName(aliasName).targetKeyId(keyId));
        return keyId;
    }
}
