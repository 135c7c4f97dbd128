package io.cdkj.toolkit.deploy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CloudFormation's Query-protocol responses, in the shape the real service returns (namespace,
 * Result wrapper, {@code member} lists, ResponseMetadata; errors as {@code ErrorResponse}). Used by
 * WireMock scenarios for behaviour moto does not reproduce.
 */
public final class CloudFormationXml {

    public static final String NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    public static final String ACCOUNT = "111111111111";
    public static final String REGION = "us-east-2";
    public static final String STACK = "devSampleApp";
    public static final String STACK_ID = "arn:aws:cloudformation:us-east-2:111111111111:stack/devSampleApp/5b3f6a40-c9b2-11ef-9f3b-0a1b2c3d4e5f";
    public static final String CHANGE_SET_ID = "arn:aws:cloudformation:us-east-2:111111111111:changeSet/cdkj-deploy-1/7d1e2f30-c9b2-11ef-8c1a-06e1f2a3b4c5";

    private CloudFormationXml() {
    }

    public static String response(String action, String result) {
        return "<" + action + "Response xmlns=\"" + NS + "\">\n"
                + (result == null ? "" : "  <" + action + "Result>\n" + result + "\n  </" + action + "Result>\n")
                + "  <ResponseMetadata>\n    <RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId>\n  </ResponseMetadata>\n"
                + "</" + action + "Response>\n";
    }

    public static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"" + NS + "\">\n  <Error>\n    <Type>Sender</Type>\n    <Code>" + code
                + "</Code>\n    <Message>" + message + "</Message>\n  </Error>\n"
                + "  <RequestId>5ccc7dcd-744c-11e5-be70-example</RequestId>\n</ErrorResponse>\n";
    }

    public static String stackMissing() {
        return error("ValidationError", "Stack with id " + STACK + " does not exist");
    }

    public static String throttling() {
        return error("Throttling", "Rate exceeded");
    }

    /** DescribeStacks with one stack; outputs as key, value pairs. */
    public static String stack(String status, String... outputs) {
        StringBuilder out = new StringBuilder();
        if (outputs.length > 0) {
            out.append("        <Outputs>\n");
            for (int i = 0; i < outputs.length; i += 2) {
                out.append("          <member>\n            <OutputKey>").append(outputs[i])
                        .append("</OutputKey>\n            <OutputValue>").append(outputs[i + 1])
                        .append("</OutputValue>\n            <Description>From the template</Description>\n          </member>\n");
            }
            out.append("        </Outputs>\n");
        }
        return response("DescribeStacks", "    <Stacks>\n      <member>\n"
                + "        <StackId>" + STACK_ID + "</StackId>\n"
                + "        <StackName>" + STACK + "</StackName>\n"
                + "        <ChangeSetId>" + CHANGE_SET_ID + "</ChangeSetId>\n"
                + "        <Description>cdkj deploy</Description>\n"
                + "        <Parameters/>\n"
                + "        <CreationTime>2026-11-24T02:40:01.212Z</CreationTime>\n"
                + "        <RollbackConfiguration/>\n"
                + "        <StackStatus>" + status + "</StackStatus>\n"
                + "        <DisableRollback>false</DisableRollback>\n"
                + "        <NotificationARNs/>\n"
                + "        <Capabilities>\n          <member>CAPABILITY_IAM</member>\n          <member>CAPABILITY_NAMED_IAM</member>\n        </Capabilities>\n"
                + out
                + "        <Tags/>\n"
                + "        <EnableTerminationProtection>false</EnableTerminationProtection>\n"
                + "        <DriftInformation>\n          <StackDriftStatus>NOT_CHECKED</StackDriftStatus>\n        </DriftInformation>\n"
                + "      </member>\n    </Stacks>");
    }

    public static String changeSetCreated() {
        return response("CreateChangeSet", "    <Id>" + CHANGE_SET_ID + "</Id>\n    <StackId>" + STACK_ID + "</StackId>");
    }

    public static String executed() {
        return response("ExecuteChangeSet", "");
    }

    public static String empty(String action) {
        return response(action, null);
    }

    /** DescribeChangeSet; each change is {@code action,logicalId,type,replacement}. */
    public static String changeSet(String status, String reason, String... changes) {
        String members = Arrays.stream(changes).map(c -> {
            String[] f = c.split(",");
            return "      <member>\n        <Type>Resource</Type>\n        <ResourceChange>\n"
                    + "          <Action>" + f[0] + "</Action>\n"
                    + "          <LogicalResourceId>" + f[1] + "</LogicalResourceId>\n"
                    + "          <ResourceType>" + f[2] + "</ResourceType>\n"
                    + (f.length > 3 ? "          <Replacement>" + f[3] + "</Replacement>\n" : "")
                    + "          <Scope/>\n          <Details/>\n        </ResourceChange>\n      </member>\n";
        }).collect(Collectors.joining());
        return response("DescribeChangeSet", "    <ChangeSetName>cdkj-deploy-1</ChangeSetName>\n"
                + "    <ChangeSetId>" + CHANGE_SET_ID + "</ChangeSetId>\n"
                + "    <StackId>" + STACK_ID + "</StackId>\n"
                + "    <StackName>" + STACK + "</StackName>\n"
                + "    <CreationTime>2026-11-24T02:40:01.212Z</CreationTime>\n"
                + "    <ExecutionStatus>" + (status.equals("FAILED") ? "UNAVAILABLE" : "AVAILABLE") + "</ExecutionStatus>\n"
                + "    <Status>" + status + "</Status>\n"
                + (reason == null ? "" : "    <StatusReason>" + reason + "</StatusReason>\n")
                + "    <NotificationARNs/>\n    <Parameters/>\n    <Capabilities/>\n"
                + "    <Changes>\n" + members + "    </Changes>\n    <IncludeNestedStacks>false</IncludeNestedStacks>");
    }

    /** One stack event: {@code id,time,status,logicalId,type[,reason]}. */
    public static String event(String id, String time, String status, String logicalId, String type, String reason) {
        return "      <member>\n"
                + "        <EventId>" + id + "</EventId>\n"
                + "        <StackName>" + STACK + "</StackName>\n"
                + "        <StackId>" + STACK_ID + "</StackId>\n"
                + "        <LogicalResourceId>" + logicalId + "</LogicalResourceId>\n"
                + "        <PhysicalResourceId>" + (type.equals("AWS::CloudFormation::Stack") ? STACK_ID : "") + "</PhysicalResourceId>\n"
                + "        <ResourceType>" + type + "</ResourceType>\n"
                + "        <Timestamp>2026-11-24T" + time + ".000Z</Timestamp>\n"
                + "        <ResourceStatus>" + status + "</ResourceStatus>\n"
                + (reason == null ? "" : "        <ResourceStatusReason>" + reason + "</ResourceStatusReason>\n")
                + "      </member>\n";
    }

    /** DescribeStackEvents, events newest first as CloudFormation lists them. */
    public static String events(List<String> newestFirst, String nextToken) {
        return response("DescribeStackEvents", "    <StackEvents>\n" + String.join("", newestFirst) + "    </StackEvents>"
                + (nextToken == null ? "" : "\n    <NextToken>" + nextToken + "</NextToken>"));
    }
}
