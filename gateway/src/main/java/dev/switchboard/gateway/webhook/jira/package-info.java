@NullMarked
package dev.switchboard.gateway.webhook.jira;

import org.jspecify.annotations.NullMarked;
