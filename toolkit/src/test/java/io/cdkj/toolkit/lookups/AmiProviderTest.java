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
class AmiProviderTest {

    private final AwsClientFactory factory = new AwsClientFactory();

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void lookup_ownerAndNameFilter_returnsMatchingImageIdAsString(MotoServer moto) {
        // given
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");
        String imageId = dev.ami("cdkj-ami-test-" + System.nanoTime());
        String name = imageName(dev, imageId);
        ObjectNode props = MotoClients.props(dev);
        props.putArray("owners").add("111111111111");
        props.putObject("filters").putArray("name").add(name);

        // when
        JsonNode value = new AmiProvider().lookup(MotoClients.query("ami", props), MotoClients.of(factory, dev));

        // then
        assertThat(value.isTextual()).isTrue();
        assertThat(value.asText()).isEqualTo(imageId);
    }

    @Test
    void lookup_noMatch_failsNamingAccount(MotoServer moto) {
        // given
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");
        ObjectNode props = MotoClients.props(dev);
        props.putObject("filters").putArray("name").add("no-such-image-" + System.nanoTime());

        // then
        assertThatThrownBy(() -> new AmiProvider().lookup(MotoClients.query("ami", props), MotoClients.of(factory, dev)))
                .isInstanceOf(LookupException.class)
                .hasMessageContaining("No AMI found that matched the search criteria in account 111111111111");
    }

    private String imageName(LocalAwsSeeder seeder, String imageId) {
        return MotoClients.of(factory, seeder).ec2().describeImages(r -> r.imageIds(imageId)).images().get(0).name();
    }
}
