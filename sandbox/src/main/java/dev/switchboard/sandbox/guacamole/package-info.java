/**
 * A simulated Apache Guacamole with the encrypted JSON authentication extension
 * (guacamole-auth-json): it decrypts and verifies the data of remote-session's links,
 * refuses what does not verify or has expired, and reports its connections' start and end
 * as Standard Webhooks events.
 */
@NullMarked
package dev.switchboard.sandbox.guacamole;

import org.jspecify.annotations.NullMarked;
