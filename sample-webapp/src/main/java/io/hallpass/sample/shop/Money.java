package io.hallpass.sample.shop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Euro amounts as the portal shows them: {@code €1,234.50}. */
public final class Money {

    private Money() {
    }

    public static String format(BigDecimal amount) {
        return String.format(Locale.ENGLISH, "€%,.2f", amount.setScale(2, RoundingMode.HALF_EVEN));
    }
}
