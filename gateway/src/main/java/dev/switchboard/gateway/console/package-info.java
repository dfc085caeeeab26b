/**
 * The operator console: pages at {@code /console} on the published port, signed in with
 * an admin API key that is exchanged once for a server-side session (an opaque token in
 * an HttpOnly, SameSite=Strict cookie, only its hash stored), so that a browser never
 * sends the key again.
 */
@NullMarked
package dev.switchboard.gateway.console;

import org.jspecify.annotations.NullMarked;
