@NullMarked
package dev.switchboard.gateway.delivery.persistence;

import org.jspecify.annotations.NullMarked;
