/**
 * The signature of each webhook scheme the gateway verifies, computed in one place: the
 * gateway computes the expected digest here and compares it in constant time, the sandbox
 * and the tests sign here. Each scheme is checked against the test vectors of the
 * providers' documentation (PROVIDERS.md).
 */
@NullMarked
package dev.switchboard.signatures;

import org.jspecify.annotations.NullMarked;
