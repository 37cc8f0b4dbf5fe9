package io.hallpass.realm.admin;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.SessionView;
import java.util.List;

/** {@code sessions list|revoke}. Sessions are named by public id; the tool never sees a token. */
final class SessionCommands {

    /** The reason recorded on sessions the tool ends. */
    static final String REASON = "admin-revoked";

    static final List<Column<SessionView>> COLUMNS = List.of(
            new Column<>("PUBLIC ID", "publicId", SessionView::publicId),
            new Column<>("CREATED", "createdAt", SessionView::createdAt),
            new Column<>("LAST SEEN", "lastSeenAt", SessionView::lastSeenAt),
            new Column<>("IP", "ip", s -> s.client().ip()),
            new Column<>("NEW DEVICE", "newDevice", SessionView::newDevice),
            new Column<>("USER AGENT", "userAgent", s -> s.client().userAgent()));

    private SessionCommands() {
    }

    static void list(Call call) {
        AccountView account = call.account(call.invocation.argument(0));
        call.out.listing(Json.object("username", account.username()), "sessions", COLUMNS,
                call.realm().listSessions(account.id()));
    }

    static void revoke(Call call) {
        String publicId = call.invocation.argument(1);
        boolean all = call.invocation.has(Option.ALL);
        if (all == (publicId != null)) {
            throw Failure.badArguments("sessions revoke takes a session's public id (see sessions list) or --all,"
                    + " " + (all ? "not both" : "one of them"));
        }
        AccountView account = call.account(call.invocation.argument(0));
        String name = account.username();
        if (all) {
            int ended = call.realm().revokeAllSessions(account.id(), REASON);
            call.out.done("ended " + ended + " session" + (ended == 1 ? "" : "s") + " of '" + name + "'",
                    Json.object("username", name, "revoked", ended));
            return;
        }
        if (!call.realm().revokeSession(account.id(), publicId, REASON)) {
            // the id is not repeated: pasted by mistake, it might have been a token
            throw Failure.refused("'" + name + "' has no live session with that public id");
        }
        call.out.done("ended session " + publicId + " of '" + name + "'",
                Json.object("username", name, "revoked", 1, "publicId", publicId));
    }
}
