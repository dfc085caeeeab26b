/** The parts of a ticket's summary from the services' admin APIs. */
@NullMarked
package dev.switchboard.gateway.summary.http;

import org.jspecify.annotations.NullMarked;
