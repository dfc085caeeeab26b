/** Health of the trackers' credentials. */
@NullMarked
package dev.switchboard.issuesync.link.actuator;

import org.jspecify.annotations.NullMarked;
