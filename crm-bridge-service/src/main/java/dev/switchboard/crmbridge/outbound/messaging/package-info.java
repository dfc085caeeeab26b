@NullMarked
package dev.switchboard.crmbridge.outbound.messaging;

import org.jspecify.annotations.NullMarked;
