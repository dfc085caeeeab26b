/**
 * Incident-aware tickets: a ticket whose subject or description names a component that an
 * open status incident affects gets one internal note about the incident, and one more
 * when it is resolved; the notes go to crm-bridge-service as ticket commands.
 */
@NullMarked
package dev.switchboard.statuspage.ticket;

import org.jspecify.annotations.NullMarked;
