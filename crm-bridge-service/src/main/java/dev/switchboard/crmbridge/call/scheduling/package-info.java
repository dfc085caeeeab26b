@NullMarked
package dev.switchboard.crmbridge.call.scheduling;

import org.jspecify.annotations.NullMarked;
