@NullMarked
package dev.switchboard.gateway.delivery.web;

import org.jspecify.annotations.NullMarked;
