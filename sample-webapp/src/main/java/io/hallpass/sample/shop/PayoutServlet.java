package io.hallpass.sample.shop;

import io.hallpass.filter.annotation.RequireRole;
import io.hallpass.filter.annotation.Sensitive;
import io.hallpass.realm.SessionView;
import io.hallpass.sample.web.Json;
import io.hallpass.sample.web.PortalServlet;
import io.hallpass.sample.web.Problem;
import io.hallpass.sample.web.Replies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * {@code POST /account/payout} (field {@code amount}): customers only, and sensitive: the filter asks for the
 * password again when the last one is older than the {@code reauth-within} window. Answers 303 back to
 * {@code /billing?done=payout}, or JSON for API clients; bad input is a 400 with a short message.
 */
@RequireRole("customer")
public final class PayoutServlet extends PortalServlet {

    private static final long serialVersionUID = 1L;

    @Override
    @Sensitive
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SessionView me = session(request);
        BigDecimal amount = PayoutRequest.amount(request.getParameter("amount"));
        Payouts payouts = ShopState.payouts(getServletContext());
        Payouts.Payout payout = payouts.request(me.accountId(), me.username(), amount, now());
        if (payout == null) {
            throw Problem.badRequest("amount is more than your available store credit of "
                    + Money.format(payouts.available(me.accountId(), me.username())));
        }
        if (Replies.wantsJson(request)) {
            Replies.json(response, 200, Json.object("status", "requested", "amount", amount, "currency", "EUR",
                    "requestedAt", payout.requestedAt(),
                    "available", payouts.available(me.accountId(), me.username())));
        } else {
            Replies.seeOther(request, response, "/billing?done=payout");
        }
    }
}
