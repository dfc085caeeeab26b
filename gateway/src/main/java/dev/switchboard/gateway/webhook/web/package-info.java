@NullMarked
package dev.switchboard.gateway.webhook.web;

import org.jspecify.annotations.NullMarked;
