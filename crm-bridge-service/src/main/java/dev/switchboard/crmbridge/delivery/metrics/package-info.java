@NullMarked
package dev.switchboard.crmbridge.delivery.metrics;

import org.jspecify.annotations.NullMarked;
