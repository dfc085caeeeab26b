@NullMarked
package dev.switchboard.crmbridge.ticket.persistence;

import org.jspecify.annotations.NullMarked;
