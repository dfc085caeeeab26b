@NullMarked
package dev.switchboard.crmbridge.helpdeskevent.zendesk;

import org.jspecify.annotations.NullMarked;
