/**
 * An emulator of the Classic Elastic Load Balancing API (2012-06-01, AWS Query protocol), for
 * tests and for trying the reconciler without an AWS account.
 *
 * <p>Layers: {@code engine} holds the pure state transitions over an immutable {@code World} and
 * the one {@code EngineError} enum of wire errors; {@code http} is the Query front behind its own
 * small HTTP/1.1 server and door ({@code HttpFront}, {@code FrontDoor}), one handler per action;
 * this package wires them with the state file and faults.
 *
 * <pre>{@code
 * try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(null))) {
 *     URI endpoint = emulator.endpoint();   // http://127.0.0.1:PORT, give it to any SDK or the AWS CLI
 * }
 * }</pre>
 *
 * <p>Deliberate choices where AWS is undocumented (reference section 8) are commented where they
 * are made: deleting an unknown policy succeeds; a session-cookie policy has no
 * CookieExpirationPeriod attribute; the tag quota is 50; the adjustable quotas start at AWS's
 * defaults ({@code Quotas}). Each (account, region) has its own world ({@code WorldKey}); the
 * region is the one of the request's SigV4 credential scope.
 */
package io.elbreconcile.emulator;
