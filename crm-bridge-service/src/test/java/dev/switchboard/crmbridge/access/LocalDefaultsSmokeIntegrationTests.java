package dev.switchboard.crmbridge.access;

import dev.switchboard.testsupport.LocalDefaultsSmokeTests;

/**
 * crm-bridge-service as ./switchboard run starts it: see {@link LocalDefaultsSmokeTests}.
 */
class LocalDefaultsSmokeIntegrationTests extends LocalDefaultsSmokeTests {

}
