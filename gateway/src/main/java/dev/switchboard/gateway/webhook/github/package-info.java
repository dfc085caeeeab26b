@NullMarked
package dev.switchboard.gateway.webhook.github;

import org.jspecify.annotations.NullMarked;
