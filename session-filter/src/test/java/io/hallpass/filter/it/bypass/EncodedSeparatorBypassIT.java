package io.hallpass.filter.it.bypass;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Encoded and alternative separators: {@code %2F}, {@code %5C} and raw backslashes, and doubled slashes. */
@ExtendWith(Targets.class)
class EncodedSeparatorBypassIT {

    @ParameterizedTest
    @ValueSource(strings = {"/public%2F..%2Fadmin/panel", "/public%2fadmin/panel", "/admin%2Fpanel", "/admin%2fpanel",
            "/public/..%5Cadmin/panel", "/public%5C..%5Cadmin%5Cpanel", "/public\\..\\admin\\panel", "/admin\\panel",
            "//admin/panel", "/public//../admin/panel", "/admin//panel", "/%2Fadmin/panel"})
    void encodedOrDoubledSeparatorsAreRefused(String target) {
        Targets.assertRefused(Targets.Expect.FIREWALL, "GET", target);
    }

    @Test
    void ordinarySeparatorsStillWork() {
        Targets.assertAllowed("GET", "/public/a/b/c");
    }
}
