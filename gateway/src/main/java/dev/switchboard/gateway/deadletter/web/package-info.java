@NullMarked
package dev.switchboard.gateway.deadletter.web;

import org.jspecify.annotations.NullMarked;
