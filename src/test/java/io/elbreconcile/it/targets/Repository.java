package io.elbreconcile.it.targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The policy repository of PRODUCT.md section 16's tests: three targets in two accounts and two
 * regions, the load balancer {@code web} in two of them.
 * <pre>
 * prod/us-east-1/   Target prod-us    account 111111111111 (role), us-east-1: web (cookie 60 s)
 * prod/eu-west-1/   Target prod-eu    account 111111111111 (role + external id), eu-west-1: web (cookie 60 s)
 * staging/          Target staging    the emulator's default account, us-east-1: api
 * </pre>
 */
final class Repository {

    static final String PROD_ACCOUNT = "111111111111";
    static final String PROD_ROLE = "arn:aws:iam::" + PROD_ACCOUNT + ":role/elb-deployer";

    private Repository() {
    }

    /** @param endpoint every target's endpointUrl line ({@code null}: none, for --emulator) */
    static Path write(Path root, String endpoint) {
        file(root.resolve("prod/us-east-1/target.yaml"), target("prod-us", "us-east-1", endpoint,
                "  roleArn: " + PROD_ROLE + "\n"));
        file(root.resolve("prod/us-east-1/web.yaml"), loadBalancer("web", "us-east-1a", 60));
        file(root.resolve("prod/eu-west-1/target.yaml"), target("prod-eu", "eu-west-1", endpoint,
                "  roleArn: " + PROD_ROLE + "\n  externalId: platform-team\n"));
        file(root.resolve("prod/eu-west-1/lbs/web.yaml"), loadBalancer("web", "eu-west-1a", 60));
        file(root.resolve("staging/target.yaml"), target("staging", "us-east-1", endpoint, ""));
        file(root.resolve("staging/api.yaml"), loadBalancer("api", "us-east-1b", 30));
        return root;
    }

    static String target(String name, String region, String endpoint, String more) {
        return "apiVersion: elb-reconcile/v1\nkind: Target\nmetadata:\n  name: " + name + "\nspec:\n  region: " + region + "\n"
                + (endpoint == null ? "" : "  endpointUrl: " + endpoint + "\n") + more;
    }

    static String loadBalancer(String name, String zone, int cookieSeconds) {
        return "apiVersion: elb-reconcile/v1\nkind: LoadBalancer\nmetadata:\n  name: " + name + "\nspec:\n"
                + "  availabilityZones: [" + zone + "]\n"
                + "  listeners:\n    - {protocol: HTTP, loadBalancerPort: 80, instanceProtocol: HTTP, instancePort: 8080, policies: [sticky]}\n"
                + "---\napiVersion: elb-reconcile/v1\nkind: LBCookieStickinessPolicy\nmetadata:\n  name: sticky\nspec:\n"
                + "  loadBalancer: " + name + "\n  cookieExpirationPeriod: " + cookieSeconds + "\n";
    }

    static void file(Path path, String text) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
