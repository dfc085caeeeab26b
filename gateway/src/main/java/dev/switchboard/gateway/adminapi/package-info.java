/**
 * The admin API edge: {@code /api/**} reaches the services only through the gateway,
 * which adds the internal token they require.
 */
@NullMarked
package dev.switchboard.gateway.adminapi;

import org.jspecify.annotations.NullMarked;
