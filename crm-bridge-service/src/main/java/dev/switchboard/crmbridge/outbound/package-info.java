/**
 * Every message crm-bridge-service sends ({@code tickets.events}, {@code calls.events},
 * the dead letters of {@code tickets.commands}) leaves through one publisher: published
 * {@code mandatory} with publisher confirms, and the caller goes on (acks the inbound
 * message, commits its transaction) only after the broker confirmed and routed it. A
 * publish that is refused, returned as unroutable or not confirmed in time throws, so the
 * inbound message fails (dead-lettered, replayable) or the row that caused it stays for
 * the next drain. ADR 0003.
 */
@NullMarked
package dev.switchboard.crmbridge.outbound;

import org.jspecify.annotations.NullMarked;
