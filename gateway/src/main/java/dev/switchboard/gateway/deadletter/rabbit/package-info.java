@NullMarked
package dev.switchboard.gateway.deadletter.rabbit;

import org.jspecify.annotations.NullMarked;
