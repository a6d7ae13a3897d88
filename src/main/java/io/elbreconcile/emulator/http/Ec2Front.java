package io.elbreconcile.emulator.http;

import io.elbreconcile.emulator.engine.EngineException;

import java.util.function.Supplier;

/**
 * The few EC2 Query actions the emulator answers share ELB's endpoint but not its error format:
 * EC2 answers {@code <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>},
 * without a namespace, {@code Type} or {@code ErrorResponse}, with 400 for client errors and 500
 * for server errors (EC2 API Reference, "Error codes for the Amazon EC2 API", its example error
 * response). SDKs read the code from there, so an ELB-shaped answer would reach them unparsed.
 */
final class Ec2Front {
    static final String VERSION = "2016-11-15";
    /** EC2's common client error for an action it does not have (EC2 API Reference, common client errors). */
    static final String INVALID_ACTION = "InvalidAction";
    /** EC2's common client error for "an unknown or unrecognized parameter" (the same table). */
    static final String UNKNOWN_PARAMETER = "UnknownParameter";

    private Ec2Front() {
    }

    /** An EC2 error: its code, HTTP status and message. */
    static final class Ec2Exception extends RuntimeException {
        private final String code;
        private final int status;

        Ec2Exception(String code, int status, String message) {
            super(message);
            this.code = code;
            this.status = status;
        }

        static Ec2Exception client(String code, String message) {
            return new Ec2Exception(code, 400, message);
        }

        static Ec2Exception unknownParameter(String name) {
            return client(UNKNOWN_PARAMETER, "The parameter " + name + " is not recognized");
        }
    }

    /** The action's answer, or its failure as EC2 words it. */
    static QueryFront.Response answering(String requestId, Supplier<QueryFront.Response> action) {
        try {
            return action.get();
        } catch (Ec2Exception e) {
            return error(e.code, e.status, e.getMessage(), requestId);
        } catch (EngineException e) {
            // Checks shared with ELB (a filter value EC2 also calls InvalidParameterValue) keep their code.
            return error(e.error().code(), e.error().status(), e.getMessage(), requestId);
        } catch (RuntimeException e) {
            // EC2's server error code (the same page's server error table); a bug of ours still answers in EC2's format.
            return error("InternalError", 500, "An internal error has occurred", requestId);
        }
    }

    static Ec2Exception invalidAction(String action) {
        return Ec2Exception.client(INVALID_ACTION, "The action " + action + " is not valid for this web service.");
    }

    static QueryFront.Response error(String code, int status, String message, String requestId) {
        Xml xml = new Xml().open("Response").open("Errors").open("Error").element("Code", code)
                .element("Message", message).close("Error").close("Errors")
                .element("RequestID", requestId).close("Response");
        return new QueryFront.Response(status, xml.toString());
    }
}
