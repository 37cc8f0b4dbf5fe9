package io.hallpass.sample;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.sample.account.PasswordChangeForm;
import io.hallpass.sample.admin.RoleChange;
import io.hallpass.sample.shop.PayoutRequest;
import io.hallpass.sample.testing.Samples;
import io.hallpass.sample.web.Problem;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Input validation of the form posts: each bad input is a 400 with a short message. */
class FormValidationTest {

    private static final Instant NOW = Samples.NOW;

    // ------------------------------------------------------------------------------------------ payout amount

    @ParameterizedTest
    @CsvSource({"25, 25.00", "25.5, 25.50", "0.01, 0.01", " 12.34 , 12.34", "5000, 5000.00", "007, 7.00"})
    void aPayoutAmountIsEurosWithUpToTwoDecimals(String raw, String expected) {
        assertEquals(new BigDecimal(expected), PayoutRequest.amount(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "abc", "-5", "+5", "12.345", "1e3", "12,50", "0", "0.00", "5000.01", "99999999",
            "NaN", "12.5.0", "€12", "1 000"})
    void aBadPayoutAmountIsA400(String raw) {
        Problem problem = assertThrows(Problem.class, () -> PayoutRequest.amount(raw));
        assertEquals(400, problem.status());
        assertTrue(problem.getMessage().length() < 100);
    }

    // ---------------------------------------------------------------------------------------------- role form

    @Test
    void aRoleGrantWithoutExpiry() {
        assertEquals(new RoleChange("reporting", true, null), RoleChange.parse("reporting", "grant", "", NOW));
        assertEquals(new RoleChange("reporting", true, null), RoleChange.parse(" reporting ", "grant", null, NOW));
    }

    @Test
    void aRoleGrantWithAnExpiry() {
        assertEquals(new RoleChange("reporting", true, Instant.parse("2030-01-31T17:00:00Z")),
                RoleChange.parse("reporting", "grant", "2030-01-31T17:00:00Z", NOW));
    }

    @Test
    void aRoleRevocation() {
        RoleChange change = RoleChange.parse("support", "revoke", null, NOW);
        assertFalse(change.grant());
        assertNull(change.expiresAt());
    }

    @ParameterizedTest
    @CsvSource(value = {
            "NULL, grant, NULL, the field 'role' is required",
            "' ', grant, NULL, the field 'role' is required",
            "bad role, grant, NULL, role must be",
            "<script>, grant, NULL, role must be",
            "-admin, grant, NULL, role must be",
            "admin, NULL, NULL, the field 'action' is required",
            "admin, delete, NULL, action must be 'grant' or 'revoke'",
            "admin, GRANT, NULL, action must be 'grant' or 'revoke'",
            "admin, grant, tomorrow, expiresAt must be an ISO-8601 instant",
            "admin, grant, 2030-01-31, expiresAt must be an ISO-8601 instant",
            "admin, grant, 2020-01-31T17:00:00Z, expiresAt must be in the future",
            "admin, revoke, 2030-01-31T17:00:00Z, expiresAt applies to a grant"},
            nullValues = "NULL")
    void aBadRoleFormIsA400(String role, String action, String expiresAt, String message) {
        Problem problem = assertThrows(Problem.class, () -> RoleChange.parse(role, action, expiresAt, NOW));
        assertEquals(400, problem.status());
        assertTrue(problem.getMessage().startsWith(message), problem.getMessage());
    }

    @Test
    void aRoleThatIsTooLongIsA400() {
        assertThrows(Problem.class, () -> RoleChange.parse("r".repeat(65), "grant", null, NOW));
        assertDoesNotThrow(() -> RoleChange.parse("r".repeat(64), "grant", null, NOW));
    }

    // ------------------------------------------------------------------------------------------ password form

    @Test
    void aGoodPasswordChangePasses() {
        assertDoesNotThrow(() -> PasswordChangeForm.check("alice-demo-pw", "a much longer passphrase"));
        assertDoesNotThrow(() -> PasswordChangeForm.check("x", " spaces count "));
    }

    @ParameterizedTest
    @CsvSource(value = {
            "NULL, new-password, the field 'current' is required",
            "'', new-password, the field 'current' is required",
            "old, NULL, the field 'new' is required",
            "old, short, the new password must have at least 8 characters",
            "same-password, same-password, the new password must differ from the current one"},
            nullValues = "NULL")
    void aBadPasswordChangeIsA400(String current, String proposed, String message) {
        Problem problem = assertThrows(Problem.class, () -> PasswordChangeForm.check(current, proposed));
        assertEquals(400, problem.status());
        assertEquals(message, problem.getMessage());
    }

    @Test
    void anOverlongNewPasswordIsA400() {
        assertThrows(Problem.class, () -> PasswordChangeForm.check("old", "p".repeat(257)));
    }
}
