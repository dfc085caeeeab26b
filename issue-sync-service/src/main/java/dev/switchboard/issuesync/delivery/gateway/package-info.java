/**
 * The gateway's delivery log as the source of bodies too large for a message.
 */
@NullMarked
package dev.switchboard.issuesync.delivery.gateway;

import org.jspecify.annotations.NullMarked;
