/**
 * Who may call this service's {@code /api/**}: only the gateway, which sends the shared
 * internal token.
 */
@NullMarked
package dev.switchboard.crmbridge.access;

import org.jspecify.annotations.NullMarked;
