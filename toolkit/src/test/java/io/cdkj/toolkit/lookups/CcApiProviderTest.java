package io.cdkj.toolkit.lookups;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@code cc-api-provider} against WireMock. Gap: moto 5.2.1 has no Cloud Control API, so WireMock
 * serves Cloud Control's JSON 1.0 wire format (the {@code X-Amz-Target: CloudApiService.*} requests,
 * {@code ResourceDescription(s)} with {@code Properties} as a JSON string, {@code __type} errors).
 * Only {@code aws.endpointUrlCloudControl} points at it, so moto-backed tests are unaffected.
 */
class CcApiProviderTest {

    private static final String PROPERTY = "aws.endpointUrlCloudControl";
    private static final String VPC_A = "{\"VpcId\":\"vpc-0a1\",\"CidrBlock\":\"10.0.0.0/16\","
            + "\"Tags\":[{\"Key\":\"Name\",\"Value\":\"a\"}],\"EnableDnsSupport\":true}";
    private static final String VPC_B = "{\"VpcId\":\"vpc-0b2\",\"CidrBlock\":\"10.1.0.0/16\",\"EnableDnsSupport\":true}";

    private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final AwsClientFactory factory = new AwsClientFactory();
    private String saved;
    private LookupClients clients;

    @BeforeEach
    void start() {
        server.start();
        saved = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, "http://localhost:" + server.port());
        clients = new LookupClients(factory, StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAWIREMOCKEXAMPLE1", "wiremockSecretKeyThatIsNeverUsedForReal00")),
                new AwsEnvironment("111111111111", "us-east-2"));
    }

    @AfterEach
    void stop() {
        factory.close();
        server.stop();
        if (saved == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, saved);
        }
    }

    @Test
    void lookup_exactIdentifier_returnsPropertiesToReturnAndIdentifier() {
        // given
        server.stubFor(target("GetResource").willReturn(json(200, "{\"TypeName\":\"AWS::EC2::VPC\","
                + "\"ResourceDescription\":{\"Identifier\":\"vpc-0a1\",\"Properties\":" + quoted(VPC_A) + "}}")));
        ObjectNode props = props().put("exactIdentifier", "vpc-0a1");
        props.putArray("propertiesToReturn").add("CidrBlock").add("Tags.0.Value");

        // when
        JsonNode value = new CcApiProvider().lookup(MotoClients.query("cc-api-provider", props), clients);

        // then
        assertThat(value.toString())
                .isEqualTo("[{\"CidrBlock\":\"10.0.0.0/16\",\"Tags.0.Value\":\"a\",\"Identifier\":\"vpc-0a1\"}]");
    }

    @Test
    void lookup_unknownIdentifierWithIgnoreError_returnsDummyValue() {
        // given
        server.stubFor(target("GetResource").willReturn(json(400, "{\"__type\":\"ResourceNotFoundException\","
                + "\"Message\":\"Resource of type 'AWS::EC2::VPC' with identifier 'vpc-404' was not found.\"}")));
        ObjectNode props = props().put("exactIdentifier", "vpc-404").put("ignoreErrorOnMissingContext", true);
        props.putArray("propertiesToReturn").add("CidrBlock");
        props.putArray("dummyValue").addObject().put("CidrBlock", "10.9.0.0/16").put("Identifier", "dummy");

        // when
        JsonNode value = new CcApiProvider().lookup(MotoClients.query("cc-api-provider", props), clients);

        // then
        assertThat(value).isEqualTo(props.get("dummyValue"));
    }

    @Test
    void lookup_unknownIdentifier_failsNamingTypeIdentifierAndAccount() {
        // given
        server.stubFor(target("GetResource").willReturn(json(400, "{\"__type\":\"ResourceNotFoundException\","
                + "\"Message\":\"Resource of type 'AWS::EC2::VPC' with identifier 'vpc-404' was not found.\"}")));
        ObjectNode props = props().put("exactIdentifier", "vpc-404");
        props.putArray("propertiesToReturn").add("CidrBlock");

        // then
        assertThatThrownBy(() -> new CcApiProvider().lookup(MotoClients.query("cc-api-provider", props), clients))
                .isInstanceOf(LookupException.class)
                .hasMessageContaining("No resource of type AWS::EC2::VPC with identifier: vpc-404")
                .hasMessageContaining("account 111111111111");
    }

    @Test
    void lookup_propertyMatchOverTwoPages_filtersAllPagesAndSendsResourceModel() {
        // given: page 1 holds a non-matching VPC, page 2 the matching one
        server.stubFor(target("ListResources").withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2")))
                .atPriority(1).willReturn(json(200, "{\"TypeName\":\"AWS::EC2::VPC\",\"ResourceDescriptions\":["
                        + "{\"Identifier\":\"vpc-0a1\",\"Properties\":" + quoted(VPC_A) + "}]}")));
        server.stubFor(target("ListResources").atPriority(2).willReturn(json(200, "{\"TypeName\":\"AWS::EC2::VPC\","
                + "\"ResourceDescriptions\":[{\"Identifier\":\"vpc-0b2\",\"Properties\":" + quoted(VPC_B) + "}],"
                + "\"NextToken\":\"page-2\"}")));
        ObjectNode props = props().put("expectedMatchCount", "exactly-one");
        props.putObject("propertyMatch").put("CidrBlock", "10.0.0.0/16").put("EnableDnsSupport", true);
        props.putObject("resourceModel").put("Filter", "x");
        props.putArray("propertiesToReturn").add("VpcId");

        // when
        JsonNode value = new CcApiProvider().lookup(MotoClients.query("cc-api-provider", props), clients);

        // then
        assertThat(value.toString()).isEqualTo("[{\"VpcId\":\"vpc-0a1\",\"Identifier\":\"vpc-0a1\"}]");
        server.verify(2, postRequestedFor(urlEqualTo("/"))
                .withRequestBody(matchingJsonPath("$.ResourceModel", equalTo("{\"Filter\":\"x\"}")))
                .withRequestBody(matchingJsonPath("$.MaxResults", equalTo("100"))));
    }

    @Test
    void lookup_exactlyOneButNoneMatch_failsWithExpectation() {
        // given
        server.stubFor(target("ListResources").willReturn(json(200, "{\"TypeName\":\"AWS::EC2::VPC\","
                + "\"ResourceDescriptions\":[{\"Identifier\":\"vpc-0b2\",\"Properties\":" + quoted(VPC_B) + "}]}")));
        ObjectNode props = props().put("expectedMatchCount", "exactly-one");
        props.putObject("propertyMatch").put("CidrBlock", "172.16.0.0/12");
        props.putArray("propertiesToReturn").add("VpcId");

        // then
        assertThatThrownBy(() -> new CcApiProvider().lookup(MotoClients.query("cc-api-provider", props), clients))
                .isInstanceOf(LookupException.class)
                .hasMessageContaining("Could not find any resources matching {\"CidrBlock\":\"172.16.0.0/12\"}")
                .hasMessageContaining("expected exactly one");
    }

    @Test
    void lookup_atMostOneButTwoMatch_failsAskingToNarrow() {
        // given
        server.stubFor(target("ListResources").willReturn(json(200, "{\"TypeName\":\"AWS::EC2::VPC\","
                + "\"ResourceDescriptions\":[{\"Identifier\":\"vpc-0a1\",\"Properties\":" + quoted(VPC_A) + "},"
                + "{\"Identifier\":\"vpc-0b2\",\"Properties\":" + quoted(VPC_B) + "}]}")));
        ObjectNode props = props().put("expectedMatchCount", "at-most-one");
        props.putObject("propertyMatch").put("EnableDnsSupport", true);
        props.putArray("propertiesToReturn").add("VpcId");

        // then
        assertThatThrownBy(() -> new CcApiProvider().lookup(MotoClients.query("cc-api-provider", props), clients))
                .isInstanceOf(LookupException.class)
                .hasMessageContaining("Found 2 resources matching")
                .hasMessageContaining("expected at most one. Please narrow the search criteria");
    }

    @Test
    void lookup_identifierAndPropertyMatch_failsBeforeAnyCall() {
        // given
        ObjectNode props = props().put("exactIdentifier", "vpc-0a1");
        props.putObject("propertyMatch").put("CidrBlock", "10.0.0.0/16");

        // then
        assertThatThrownBy(() -> new CcApiProvider().lookup(MotoClients.query("cc-api-provider", props), clients))
                .isInstanceOf(LookupException.class)
                .hasMessageContaining("specify either exactIdentifier or propertyMatch, but not both");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    private static ObjectNode props() {
        return JsonNodeFactory.instance.objectNode().put("account", "111111111111").put("region", "us-east-2")
                .put("typeName", "AWS::EC2::VPC");
    }

    private static MappingBuilder target(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", containing("CloudApiService." + operation));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.0").withBody(body);
    }

    private static String quoted(String json) {
        return JsonNodeFactory.instance.textNode(json).toString();
    }
}
