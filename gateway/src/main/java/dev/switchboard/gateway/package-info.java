@NullMarked
package dev.switchboard.gateway;

import org.jspecify.annotations.NullMarked;
