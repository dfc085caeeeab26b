@NullMarked
package dev.switchboard.gateway.webhook.messaging;

import org.jspecify.annotations.NullMarked;
