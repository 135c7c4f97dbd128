package io.cdkj.toolkit.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.toolkit.testing.ReactorApps;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.LocalAwsSeeder;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.cli.CliHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The providers the walkthrough app does not use (availability-zones, ami, hosted-zone), consumed by
 * a real CDK app ({@code io.cdkj.sample.LookupShowcaseApp}) whose stack sits in a Stage: one
 * {@code cdkj synth Showcase/Lookups --json} as a caller in the stack's own account (no plugin
 * needed), two app runs.
 */
@ExtendWith(MotoExtension.class)
class LookupShowcaseSynthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "111111111111";

    @TempDir
    static Path project;
    @TempDir
    static Path home;

    private static String imageId;
    private static String zoneId;
    private static String domain;
    private static CliHarness.Run run;

    @BeforeAll
    static void synthesize(MotoServer moto) throws IOException {
        LocalAwsSeeder seeder = LocalAwsSeeder.in(moto, ACCOUNT, "us-east-2");
        String amiName = "cdkj-showcase-" + System.nanoTime();
        imageId = seeder.ami(amiName);
        domain = "showcase" + System.nanoTime() + ".cdkj.example";
        zoneId = seeder.hostedZone(domain);
        Files.writeString(project.resolve("cdk.json"), JSON.writeValueAsString(Map.of(
                "app", ReactorApps.sampleApp("io.cdkj.sample.LookupShowcaseApp"),
                "context", Map.of("amiName", amiName, "domainName", domain))));
        CliHarness cli = new CliHarness(project, home).env("PATH", System.getenv("PATH")).env("HOME", home.toString());
        try (AwsSystemProperties caller = AwsSystemProperties.caller(moto.endpoint(), moto.callerIn(ACCOUNT))) {
            run = cli.run("synth", "Showcase/Lookups", "--json");
        }
    }

    @Test
    void synth_stackInStage_isFoundByHierarchicalId() {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Some context information is missing (3 values). Fetching...");
    }

    @Test
    void synth_availabilityZones_areUsedByTheStack() throws IOException {
        String azs = output("Azs").asText();
        assertThat(azs).contains("us-east-2a", "us-east-2b").doesNotContain("dummy");
    }

    @Test
    void synth_amiLookup_givesTheSeededImage() throws IOException {
        assertThat(output("AmiId").asText()).isEqualTo(imageId);
    }

    @Test
    void synth_hostedZoneLookup_givesTheZoneIdAndName() throws IOException {
        assertThat(output("ZoneId").asText()).isEqualTo(zoneId);
        assertThat(output("ZoneName").asText()).isEqualTo(domain);
    }

    private static JsonNode output(String name) throws IOException {
        return JSON.readTree(run.out()).path("Outputs").path(name).path("Value");
    }
}
