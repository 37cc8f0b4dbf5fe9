package io.hallpass.sample.account;

import io.hallpass.filter.annotation.RequireRole;
import io.hallpass.filter.annotation.Sensitive;
import io.hallpass.realm.AccountView;
import io.hallpass.realm.SessionView;
import io.hallpass.sample.shop.DemoShop;
import io.hallpass.sample.web.Json;
import io.hallpass.sample.web.PortalServlet;
import io.hallpass.sample.web.Problem;
import io.hallpass.sample.web.Replies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /account/export}: a customer's data as a JSON download. Sensitive on a GET: a stolen but idle
 * session cookie is not enough to walk off with the data; the password must have been entered within the
 * {@code reauth-within} window.
 */
@RequireRole("customer")
public final class ExportServlet extends PortalServlet {

    private static final long serialVersionUID = 1L;

    @Override
    @Sensitive
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SessionView me = session(request);
        AccountView account = realm().findAccount(me.accountId())
                .orElseThrow(() -> Problem.notFound("your account no longer exists"));
        var export = AccountExport.of(account, realm().listGrants(me.accountId()),
                realm().listSessions(me.accountId()), me.publicId(), DemoShop.ordersOf(me.username()),
                DemoShop.cardsOf(me.username()), DemoShop.invoicesOf(me.username()), now());
        byte[] body = Json.write(export).getBytes(StandardCharsets.UTF_8);
        Replies.headers(response);
        response.setStatus(200);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"" + AccountExport.fileName(me.username()) + "\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
