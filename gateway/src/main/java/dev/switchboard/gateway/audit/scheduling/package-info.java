/** The audit log's retention, on a schedule, once across instances. */
@NullMarked
package dev.switchboard.gateway.audit.scheduling;

import org.jspecify.annotations.NullMarked;
