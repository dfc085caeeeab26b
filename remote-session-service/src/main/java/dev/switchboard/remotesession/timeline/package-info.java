/**
 * This service's part of the operator console's timeline: what it did about a ticket or
 * one session, read from the session feature's history and outbox, never written.
 */
@NullMarked
package dev.switchboard.remotesession.timeline;

import org.jspecify.annotations.NullMarked;
