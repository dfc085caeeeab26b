@NullMarked
package dev.switchboard.crmbridge.call.twilio;

import org.jspecify.annotations.NullMarked;
