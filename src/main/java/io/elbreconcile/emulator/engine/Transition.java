package io.elbreconcile.emulator.engine;

/** The outcome of an accepted request: the next world and what the caller gets back. */
public record Transition<T>(World world, T result) {
}
