/**
 * How the system is doing, for the console's health page: whether the gateway and each
 * service it routes to is ready (a service that cannot be reached says so, with what to
 * check), the dead letters per queue, and the gateway's own counters that matter (503s,
 * deliveries the broker did not confirm, the body budget left, routed calls to a service
 * that was down).
 */
@NullMarked
package dev.switchboard.gateway.health;

import org.jspecify.annotations.NullMarked;
