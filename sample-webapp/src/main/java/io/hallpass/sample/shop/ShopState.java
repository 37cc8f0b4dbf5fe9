package io.hallpass.sample.shop;

import jakarta.servlet.ServletContext;

/** Where the shop keeps its in-memory state: one {@link Payouts} per application, as a context attribute. */
final class ShopState {

    private static final String PAYOUTS = ShopState.class.getName() + ".payouts";

    private ShopState() {
    }

    static Payouts payouts(ServletContext context) {
        synchronized (ShopState.class) {
            Object existing = context.getAttribute(PAYOUTS);
            if (existing instanceof Payouts payouts) {
                return payouts;
            }
            Payouts payouts = new Payouts();
            context.setAttribute(PAYOUTS, payouts);
            return payouts;
        }
    }
}
