/** Services' readiness probes, asked over HTTP. */
@NullMarked
package dev.switchboard.gateway.health.http;

import org.jspecify.annotations.NullMarked;
