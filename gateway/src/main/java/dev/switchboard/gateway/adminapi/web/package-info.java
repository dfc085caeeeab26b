@NullMarked
package dev.switchboard.gateway.adminapi.web;

import org.jspecify.annotations.NullMarked;
