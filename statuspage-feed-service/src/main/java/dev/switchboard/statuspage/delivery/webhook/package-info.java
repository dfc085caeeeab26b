@NullMarked
package dev.switchboard.statuspage.delivery.webhook;

import org.jspecify.annotations.NullMarked;
