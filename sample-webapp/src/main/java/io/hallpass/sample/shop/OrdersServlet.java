package io.hallpass.sample.shop;

import io.hallpass.filter.annotation.RequireRole;
import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.PortalServlet;
import io.hallpass.sample.web.Replies;
import io.hallpass.sample.web.Section;
import io.hallpass.sample.web.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /orders}: customers and support. The rule in {@code hallpass-rules.txt} says the same as the
 * annotation; both must pass, so mapping this servlet to another path cannot open it by accident.
 */
@RequireRole({"customer", "support"})
public final class OrdersServlet extends PortalServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Chrome chrome = chrome(request, Section.ORDERS);
        Viewer viewer = chrome.viewer();
        var own = viewer.has("customer") ? DemoShop.ordersOf(viewer.username()) : null;
        var all = viewer.has("support") ? DemoShop.allOrders() : null;
        Replies.html(response, 200, OrdersPage.render(chrome, own, all));
    }
}
