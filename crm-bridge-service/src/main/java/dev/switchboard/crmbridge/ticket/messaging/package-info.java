@NullMarked
package dev.switchboard.crmbridge.ticket.messaging;

import org.jspecify.annotations.NullMarked;
