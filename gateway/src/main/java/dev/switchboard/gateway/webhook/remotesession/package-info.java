@NullMarked
package dev.switchboard.gateway.webhook.remotesession;

import org.jspecify.annotations.NullMarked;
