package io.hallpass.filter.it.bypass;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Case variants: rules match case-sensitively, as servlet mappings do, so {@code /ADMIN/panel} is a different
 * path; since no rule names it, it is denied by default rather than let through by a case-insensitive match
 * of some public rule.
 */
@ExtendWith(Targets.class)
class CaseVariantBypassIT {

    @ParameterizedTest
    @ValueSource(strings = {"/ADMIN/panel", "/Admin/panel", "/aDmin/panel", "/REPORTS/q1", "/%41dmin/panel"})
    void caseVariantsAreDeniedNotMatchedLoosely(String target) {
        Targets.assertRefused(Targets.Expect.UNMATCHED, "GET", target);
    }

    @Test
    void aCaseVariantWithADotSegmentIsRefusedByTheFirewall() {
        Targets.assertRefused(Targets.Expect.FIREWALL, "GET", "/Public/../admin/panel");
    }

    @Test
    void theExactCaseOfAPublicPathWorks() {
        Targets.assertAllowed("GET", "/public/hello");
    }
}
