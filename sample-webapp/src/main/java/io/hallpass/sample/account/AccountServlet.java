package io.hallpass.sample.account;

import io.hallpass.filter.annotation.Authenticated;
import io.hallpass.realm.AccountView;
import io.hallpass.realm.SessionView;
import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.PortalServlet;
import io.hallpass.sample.web.Problem;
import io.hallpass.sample.web.Replies;
import io.hallpass.sample.web.Section;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /account}: any signed-in user. */
@Authenticated
public final class AccountServlet extends PortalServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SessionView me = session(request);
        AccountView account = realm().findAccount(me.accountId())
                .orElseThrow(() -> Problem.notFound("your account no longer exists"));
        Chrome chrome = chrome(request, Section.ACCOUNT).withFlash(AccountPage.flash(request.getParameter("done"),
                request.getParameter("error"), request.getParameter("ended")));
        Replies.html(response, 200, AccountPage.render(chrome, account, realm().listGrants(me.accountId()), me, now()));
    }
}
