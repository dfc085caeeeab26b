@NullMarked
package dev.switchboard.crmbridge.ticket.scheduling;

import org.jspecify.annotations.NullMarked;
