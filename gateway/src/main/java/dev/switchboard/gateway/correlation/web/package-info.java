@NullMarked
package dev.switchboard.gateway.correlation.web;

import org.jspecify.annotations.NullMarked;
