@NullMarked
package dev.switchboard.gateway.delivery.scheduling;

import org.jspecify.annotations.NullMarked;
