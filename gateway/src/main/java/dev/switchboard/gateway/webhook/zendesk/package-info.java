@NullMarked
package dev.switchboard.gateway.webhook.zendesk;

import org.jspecify.annotations.NullMarked;
