@NullMarked
package dev.switchboard.crmbridge.ticket.zendesk;

import org.jspecify.annotations.NullMarked;
