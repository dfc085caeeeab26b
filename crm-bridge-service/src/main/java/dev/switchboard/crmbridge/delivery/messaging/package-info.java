@NullMarked
package dev.switchboard.crmbridge.delivery.messaging;

import org.jspecify.annotations.NullMarked;
