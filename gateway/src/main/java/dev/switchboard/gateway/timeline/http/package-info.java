/** The services' timelines over their admin APIs. */
@NullMarked
package dev.switchboard.gateway.timeline.http;

import org.jspecify.annotations.NullMarked;
