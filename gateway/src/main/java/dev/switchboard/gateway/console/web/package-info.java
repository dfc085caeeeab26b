/**
 * The console's door (session cookie, CSRF token, security headers) and its
 * server-rendered pages (Thymeleaf; no JavaScript).
 */
@NullMarked
package dev.switchboard.gateway.console.web;

import org.jspecify.annotations.NullMarked;
