/**
 * Dead letters of every service: list the dead-letter queues with their messages, and
 * move messages back to the queue they came from without losing any.
 */
@NullMarked
package dev.switchboard.gateway.deadletter;

import org.jspecify.annotations.NullMarked;
