/**
 * Verified webhooks from the gateway ({@code webhooks.inbound}, bound {@code zendesk.#}
 * and {@code twilio.#}), handed to the feature that owns each provider.
 */
@NullMarked
package dev.switchboard.crmbridge.delivery;

import org.jspecify.annotations.NullMarked;
