/**
 * Internal: the {@code discard} command line (picocli), a thin layer on the library in {@code dev.discard.archive}
 * and the readers in {@code dev.discard.read}. Its interface is the command, its options, its output and its exit
 * codes ({@link dev.discard.cli.ExitCode}), as README.md documents them; {@link dev.discard.cli.Main}'s constructors
 * exist to run it in-process. No other package imports this one.
 */
package dev.discard.cli;
