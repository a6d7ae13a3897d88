package io.elbreconcile.emulator;

import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import io.elbreconcile.testing.TestSignature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.Listener;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The emulator's EC2 actions fail as EC2 does, in EC2's error format
 * ({@code <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>}),
 * so an EC2 client reads the code: checked on the wire and through boto3's EC2 client.
 */
@ExtendWith(EmulatorExtension.class)
class EmulatorEc2ErrorsTest {
    private static final Pattern EC2_ERROR = Pattern.compile(
            "<Response><Errors><Error><Code>([^<]+)</Code><Message>[^<]+</Message></Error></Errors>"
                    + "<RequestID>[0-9a-f-]{36}</RequestID></Response>");

    private final EmulatorServer emulator;
    private String sourceGroupId;

    EmulatorEc2ErrorsTest(EmulatorServer emulator) {
        this.emulator = emulator;
    }

    @BeforeEach
    void loadBalancer() {
        try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            elb.createLoadBalancer(r -> r.loadBalancerName("web").availabilityZones("us-east-1a").listeners(Listener.builder()
                    .protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(80).build()));
            sourceGroupId = elb.describeLoadBalancers().loadBalancerDescriptions().get(0).securityGroups().get(0);
        }
    }

    @Test
    void ec2FailuresCarryEc2sCodeInEc2sFormat() throws Exception {
        assertEc2Error(post("Action=DescribeInstances&Version=2016-11-15"), 400, "InvalidAction");
        assertEc2Error(post("Action=DescribeSecurityGroups&Version=2016-11-15&GroupId.1=sg-0123456789abcdef0"),
                400, "InvalidGroup.NotFound");
        assertEc2Error(post("Action=DescribeSecurityGroups&Version=2016-11-15&GroupId.1=" + sourceGroupId
                + "&GroupName.1=nobody"), 400, "InvalidGroup.NotFound");
        assertEc2Error(post("Action=DescribeNetworkInterfaces&Version=2016-11-15&NetworkInterfaceId.1=eni-12345678"),
                400, "InvalidNetworkInterfaceID.NotFound");
        assertEc2Error(post("Action=DescribeNetworkInterfaces&Version=2016-11-15&Bogus=1"), 400, "UnknownParameter");
        assertEc2Error(post("Action=DescribeSecurityGroups&Version=2016-11-15&Filter.1.Name=tag:Name&Filter.1.Value.1=x"),
                400, "InvalidParameterValue");

        HttpResponse<String> found = post("Action=DescribeSecurityGroups&Version=2016-11-15&GroupId.1=" + sourceGroupId);
        assertEquals(200, found.statusCode(), found.body());
        assertTrue(found.body().contains("<groupId>" + sourceGroupId + "</groupId>"), found.body());
        HttpResponse<String> elbError = post("Action=DescribeNothing&Version=2012-06-01");
        assertTrue(elbError.body().startsWith("<ErrorResponse"), "ELB's own errors keep ELB's format: " + elbError.body());
    }

    @Test
    void boto3ReadsTheCodes(@TempDir Path directory) throws Exception {
        assumeTrue(boto3Installed(), "python3 with boto3 is not installed: boto3 check skipped");
        Path script = directory.resolve("ec2.py");
        Files.writeString(script, String.join("\n",
                "import sys, boto3, botocore.config, botocore.exceptions",
                "ec2 = boto3.client('ec2', endpoint_url=sys.argv[1], region_name='us-east-1',",
                "                   aws_access_key_id='AKIDTEST', aws_secret_access_key='test',",
                "                   config=botocore.config.Config(retries={'max_attempts': 1}))",
                "def outcome(call):",
                "    try:",
                "        call()",
                "        return 'ok'",
                "    except botocore.exceptions.ClientError as e:",
                "        return e.response['Error']['Code'] + ' ' + str(e.response['ResponseMetadata']['HTTPStatusCode'])",
                "print(outcome(lambda: ec2.describe_security_groups(GroupIds=['sg-0123456789abcdef0'])))",
                "print(outcome(lambda: ec2.describe_network_interfaces(NetworkInterfaceIds=['eni-12345678'])))",
                "print(outcome(lambda: ec2.describe_instances()))",
                "print(outcome(lambda: ec2.describe_security_groups(GroupIds=[sys.argv[2]])))",
                ""));
        ProcessBuilder builder = new ProcessBuilder("python3", script.toString(), emulator.endpoint().toString(), sourceGroupId)
                .redirectErrorStream(true);
        // No user configuration or proxy may steer the client away from the emulator.
        builder.environment().put("AWS_CONFIG_FILE", directory.resolve("none").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", directory.resolve("none").toString());
        builder.environment().put("NO_PROXY", "*");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "boto3 script ended");
        assertEquals(0, process.exitValue(), output);
        assertEquals(List.of("InvalidGroup.NotFound 400", "InvalidNetworkInterfaceID.NotFound 400", "InvalidAction 400", "ok"),
                output.lines().toList());
    }

    private static void assertEc2Error(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        Matcher matcher = EC2_ERROR.matcher(response.body());
        assertTrue(matcher.matches(), "EC2's error format: " + response.body());
        assertEquals(code, matcher.group(1), response.body());
        assertFalse(response.body().contains("ErrorResponse"), response.body());
    }

    private HttpResponse<String> post(String form) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(emulator.endpoint())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", TestSignature.AUTHORIZATION)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean boto3Installed() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
