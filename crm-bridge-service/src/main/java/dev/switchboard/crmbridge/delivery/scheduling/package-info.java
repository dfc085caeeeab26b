@NullMarked
package dev.switchboard.crmbridge.delivery.scheduling;

import org.jspecify.annotations.NullMarked;
