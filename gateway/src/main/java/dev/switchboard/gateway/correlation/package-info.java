@NullMarked
package dev.switchboard.gateway.correlation;

import org.jspecify.annotations.NullMarked;
