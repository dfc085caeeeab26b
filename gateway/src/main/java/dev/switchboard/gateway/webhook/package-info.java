@NullMarked
package dev.switchboard.gateway.webhook;

import org.jspecify.annotations.NullMarked;
