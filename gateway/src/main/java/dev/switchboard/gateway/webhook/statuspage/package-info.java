@NullMarked
package dev.switchboard.gateway.webhook.statuspage;

import org.jspecify.annotations.NullMarked;
