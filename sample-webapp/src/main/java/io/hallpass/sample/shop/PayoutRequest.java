package io.hallpass.sample.shop;

import io.hallpass.sample.web.Problem;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Checks the {@code amount} field of a payout: euros with at most two decimals, from 0.01 to 5,000.00. */
public final class PayoutRequest {

    static final BigDecimal MAXIMUM = new BigDecimal("5000.00");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,7}(\\.\\d{1,2})?");

    private PayoutRequest() {
    }

    /**
     * The amount, scaled to cents.
     *
     * @throws Problem 400 with a short message saying what is wrong (never repeating the input)
     */
    public static BigDecimal amount(String raw) {
        if (raw == null || raw.isBlank()) {
            throw Problem.badRequest("the field 'amount' is required");
        }
        String value = raw.strip();
        if (!AMOUNT.matcher(value).matches()) {
            throw Problem.badRequest("amount must be a number of euros with at most two decimals, like 25.00");
        }
        BigDecimal amount = new BigDecimal(value).setScale(2);
        if (amount.signum() <= 0) {
            throw Problem.badRequest("amount must be more than 0.00");
        }
        if (amount.compareTo(MAXIMUM) > 0) {
            throw Problem.badRequest("amount must be at most 5,000.00 per payout");
        }
        return amount;
    }
}
