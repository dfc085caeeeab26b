@NullMarked
package dev.switchboard.crmbridge.ticket.health;

import org.jspecify.annotations.NullMarked;
