/** The dead-letter replay jobs' batches on a schedule, once across instances. */
@NullMarked
package dev.switchboard.gateway.deadletter.scheduling;

import org.jspecify.annotations.NullMarked;
