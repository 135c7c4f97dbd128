package io.cdkj.toolkit.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.assembly.MissingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupHistoryTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @TempDir
    Path out;

    private static MissingContext ssm(String account, String name) {
        return new MissingContext("ssm:account=" + account + ":parameterName=" + name + ":region=us-east-1", "ssm",
                JSON.objectNode().put("account", account).put("region", "us-east-1").put("parameterName", name)
                        .put("lookupRoleArn", "arn:${AWS::Partition}:iam::" + account + ":role/lookup"));
    }

    @Test
    void predict_lastSynthsLookups_whoseKeysTheContextLacks() {
        // given
        MissingContext dev = ssm("111111111111", "/a");
        MissingContext prod = ssm("333333333333", "/a");
        LookupHistory.write(out, List.of(dev, prod, dev));
        ObjectNode context = JSON.objectNode().put(prod.key(), "cached");

        // when
        List<MissingContext> predicted = LookupHistory.predict(out, context);

        // then: the entry survives whole (its target, lookup role included, is the one the app will ask for)
        assertThat(predicted).containsExactly(dev);
        assertThat(predicted.get(0).target()).isEqualTo(dev.target());
    }

    @Test
    void predict_noHistoryOrAnUnreadableOne_predictsNothing() throws Exception {
        assertThat(LookupHistory.predict(out, JSON.objectNode())).isEmpty();
        Files.createDirectories(out.resolve(".cdkj"));
        Files.writeString(out.resolve(LookupHistory.FILE), "{not json");
        assertThat(LookupHistory.predict(out, JSON.objectNode())).isEmpty();
    }

    @Test
    void write_noLookups_keepsTheLastSynthsRecord() {
        LookupHistory.write(out, List.of(ssm("111111111111", "/a")));

        LookupHistory.write(out, List.of());

        assertThat(LookupHistory.predict(out, JSON.objectNode())).hasSize(1);
    }

    @Test
    void unknown_onlyForAFirstSynth() {
        ObjectNode withLookups = JSON.objectNode().put("ssm:account=111111111111:parameterName=/a:region=us-east-1", "v");
        ObjectNode plain = JSON.objectNode().put("devAccount", "111111111111");

        assertThat(LookupHistory.unknown(out, plain)).isTrue();
        assertThat(LookupHistory.unknown(out, withLookups)).isFalse();
        LookupHistory.write(out, List.of(ssm("111111111111", "/a")));
        assertThat(LookupHistory.unknown(out, plain)).isFalse();
    }
}
