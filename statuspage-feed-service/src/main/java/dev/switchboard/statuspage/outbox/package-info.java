/**
 * The outbox, this service's one way to publish (ADR 0003): messages are rows committed
 * with the change that causes them ({@code incident_update} for {@code status.incidents},
 * {@code ticket_incident_note} for {@code tickets.commands}); {@link OutboxRelay}
 * publishes claimed rows with publisher confirms and marks them sent only after the
 * broker's confirm.
 */
@NullMarked
package dev.switchboard.statuspage.outbox;

import org.jspecify.annotations.NullMarked;
