/**
 * The delivery log: every delivery the gateway accepted (and every one the broker did not
 * confirm), kept for a retention window so that operators can see and replay what came
 * in, and so that a provider's retry of an accepted delivery is answered without
 * publishing it again.
 */
@NullMarked
package dev.switchboard.gateway.delivery;

import org.jspecify.annotations.NullMarked;
