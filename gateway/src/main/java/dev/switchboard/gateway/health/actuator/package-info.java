/**
 * This gateway's own readiness group, read in-process from Spring Boot's health endpoint.
 */
@NullMarked
package dev.switchboard.gateway.health.actuator;

import org.jspecify.annotations.NullMarked;
