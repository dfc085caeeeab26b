/**
 * The services' admin APIs over HTTP.
 */
@NullMarked
package dev.switchboard.gateway.adminapi.http;

import org.jspecify.annotations.NullMarked;
