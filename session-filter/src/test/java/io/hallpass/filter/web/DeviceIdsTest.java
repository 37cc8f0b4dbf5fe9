package io.hallpass.filter.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The device cookie's form: only what {@link DeviceIds#newId()} makes passes. */
class DeviceIdsTest {

    @Test
    void newIdsHaveTheFormTheCheckAccepts() {
        for (int i = 0; i < 1000; i++) {
            assertTrue(DeviceIds.isValid(DeviceIds.newId()));
        }
    }

    @Test
    void forgedDeviceCookieWithHeaderInjectionOrWrongLengthIsRefused() {
        String id = DeviceIds.newId();
        assertFalse(DeviceIds.isValid(null));
        assertFalse(DeviceIds.isValid(""));
        assertFalse(DeviceIds.isValid(id.substring(1)));
        assertFalse(DeviceIds.isValid(id + "A"));
        assertFalse(DeviceIds.isValid(id.substring(2) + "\r\n"));
        assertFalse(DeviceIds.isValid(id.substring(1) + "="));
        assertFalse(DeviceIds.isValid(id.substring(1) + "/"));
        assertFalse(DeviceIds.isValid(id.substring(1) + "\u00e9"));
    }
}
