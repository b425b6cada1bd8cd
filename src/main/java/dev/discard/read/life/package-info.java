/**
 * The life of a message as the archive knows it: created, each distinct version with when and where it was seen,
 * reactions as they stood, and deleted (when, and how that is known). One model for every derived tool: {@code read}
 * builds it from a channel log, the index stores it, and search and the exports read it back through the index.
 * See DESIGN.md, "Versions and deletions (the message model)".
 */
package dev.discard.read.life;
