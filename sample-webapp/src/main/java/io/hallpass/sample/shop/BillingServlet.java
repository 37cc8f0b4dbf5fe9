package io.hallpass.sample.shop;

import io.hallpass.filter.annotation.RequireRole;
import io.hallpass.realm.SessionView;
import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.Flash;
import io.hallpass.sample.web.PortalServlet;
import io.hallpass.sample.web.Replies;
import io.hallpass.sample.web.Section;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /billing}: customers only. Also the page the payout form returns to. */
@RequireRole("customer")
public final class BillingServlet extends PortalServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SessionView me = session(request);
        Payouts payouts = ShopState.payouts(getServletContext());
        Chrome chrome = chrome(request, Section.BILLING).withFlash(flash(request.getParameter("done")));
        Replies.html(response, 200, BillingPage.render(chrome, DemoShop.cardsOf(me.username()),
                DemoShop.invoicesOf(me.username()), payouts.available(me.accountId(), me.username()),
                payouts.of(me.accountId()), now()));
    }

    static Flash flash(String done) {
        return "payout".equals(done) ? Flash.success("Payout requested. It will reach your bank in 1–3 working days.")
                : null;
    }
}
