/**
 * Test infrastructure: per-run broker vhosts and databases, and the architecture rules.
 */
@NullMarked
package dev.switchboard.testsupport;

import org.jspecify.annotations.NullMarked;
