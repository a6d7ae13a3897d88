package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.ListenerActions;

/** SetLoadBalancerListenerSSLCertificate: replaces the certificate of an HTTPS/SSL listener. */
public final class SetLoadBalancerListenerSSLCertificateHandler implements ActionHandler {
    @Override public String action() { return "SetLoadBalancerListenerSSLCertificate"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.required("LoadBalancerName");
        int port = query.requiredInt("LoadBalancerPort");
        String certificate = query.required("SSLCertificateId");
        context.apply(w -> ListenerActions.setCertificate(w, name, port, certificate));
    }
}
