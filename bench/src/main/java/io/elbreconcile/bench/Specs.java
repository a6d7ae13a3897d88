package io.elbreconcile.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's load balancers, the same shape everywhere: four HTTP listeners, each with one
 * cookie stickiness policy (two duration-based, two application-cookie), so four policies each.
 */
final class Specs {
    static final int LISTENERS = 4;

    private Specs() {
    }

    static String lbName(int i) {
        return String.format("bench-%05d", i);
    }

    static String policyName(int i, int p) {
        return String.format("bench-%05d-p%d", i, p);
    }

    static boolean isAppCookie(int p) {
        return p % 2 == 1;
    }

    static int lbPort(int p) {
        return 80 + p;
    }

    static int instancePort(int p) {
        return 8080 + p;
    }

    /** One YAML file per load balancer (as a team would keep them), its policies in the same file. */
    static void write(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        try (var files = Files.list(dir)) {
            for (Path old : (Iterable<Path>) files::iterator) {
                Files.delete(old);
            }
        }
        for (int i = 0; i < count; i++) {
            StringBuilder y = new StringBuilder();
            y.append("apiVersion: elb-reconcile/v1\nkind: LoadBalancer\nmetadata:\n  name: ").append(lbName(i)).append('\n')
                    .append("spec:\n  scheme: internet-facing\n  availabilityZones: [us-east-1a]\n  listeners:\n");
            for (int p = 0; p < LISTENERS; p++) {
                y.append("    - protocol: HTTP\n      loadBalancerPort: ").append(lbPort(p))
                        .append("\n      instanceProtocol: HTTP\n      instancePort: ").append(instancePort(p))
                        .append("\n      policies: [").append(policyName(i, p)).append("]\n");
            }
            for (int p = 0; p < LISTENERS; p++) {
                y.append("---\napiVersion: elb-reconcile/v1\n");
                if (isAppCookie(p)) {
                    y.append("kind: AppCookieStickinessPolicy\n");
                } else {
                    y.append("kind: LBCookieStickinessPolicy\n");
                }
                y.append("metadata:\n  name: ").append(policyName(i, p)).append("\nspec:\n  loadBalancer: ").append(lbName(i)).append('\n');
                if (isAppCookie(p)) {
                    y.append("  cookieName: SESSION").append(p).append('\n');
                } else {
                    y.append("  cookieExpirationPeriod: ").append(60 * (p + 1)).append('\n');
                }
            }
            Files.writeString(dir.resolve(lbName(i) + ".yaml"), y.toString());
        }
    }
}
