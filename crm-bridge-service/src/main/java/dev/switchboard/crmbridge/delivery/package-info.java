/**
 * What crm-bridge consumes: verified webhooks from the gateway ({@code webhooks.inbound},
 * bound {@code zendesk.#} and {@code twilio.#}), read by their provider's
 * {@link dev.switchboard.crmbridge.delivery.DeliveryHandler} and handed to the feature
 * that owns the provider as domain objects (parked while the helpdesk cannot take them),
 * and {@code tickets.commands}, handed to the ticket intake; one consumer shape for both
 * ({@code messaging}).
 */
@NullMarked
package dev.switchboard.crmbridge.delivery;

import org.jspecify.annotations.NullMarked;
