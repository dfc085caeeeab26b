/**
 * The timeline: what crm-bridge did about a ticket or a call, in time order, read from
 * the other features (the command ledger, the call logs, follow-ups); the gateway's
 * console merges it with the other services' timelines. Read-only; nothing depends on it.
 */
@NullMarked
package dev.switchboard.crmbridge.timeline;

import org.jspecify.annotations.NullMarked;
