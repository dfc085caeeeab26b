/**
 * A bare Spring Boot web application, the yardstick of the services' start-up memory.
 */
@NullMarked
package dev.switchboard.baseline;

import org.jspecify.annotations.NullMarked;
