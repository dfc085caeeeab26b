/**
 * Phone calls: the phone system's status callbacks become one call log per call (keyed by
 * the parent leg's {@code CallSid}) on the right ticket of the right customer;
 * click-to-call from a ticket.
 */
@NullMarked
package dev.switchboard.crmbridge.call;

import org.jspecify.annotations.NullMarked;
