@NullMarked
package dev.switchboard.gateway.adminapi.ratelimit;

import org.jspecify.annotations.NullMarked;
