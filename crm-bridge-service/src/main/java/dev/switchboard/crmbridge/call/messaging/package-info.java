@NullMarked
package dev.switchboard.crmbridge.call.messaging;

import org.jspecify.annotations.NullMarked;
