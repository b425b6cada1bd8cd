/**
 * Internal: reading archives without calling Discord, for {@code discard read}, {@code summary} and {@code verify}:
 * streaming records from {@code .jsonl} and {@code .jsonl.gz} logs (this discard's and the Python Discard's), meta
 * files, coverage and gaps, audits. Not part of the library API yet: the commands are its interface.
 */
package dev.discard.read;
