@NullMarked
package dev.switchboard.gateway.webhook.twilio;

import org.jspecify.annotations.NullMarked;
