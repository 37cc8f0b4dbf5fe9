package io.hallpass.realm.admin;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.RoleGrant;
import io.hallpass.realm.RoleNames;
import java.time.Instant;
import java.util.List;

/** {@code roles grant|revoke|list}. */
final class RoleCommands {

    private RoleCommands() {
    }

    static void grant(Call call) {
        String role = RoleNames.check(call.invocation.argument(1));
        String until = call.invocation.value(Option.UNTIL);
        Instant expiresAt = until == null ? null : Times.pointInTime(Option.UNTIL, until, call.now(), true);
        AccountView account = call.account(call.invocation.argument(0));
        String name = account.username();
        if (!call.realm().grantRole(account.id(), role, expiresAt, call.actor)) {
            throw Failure.refused("no account named '" + name + "'");
        }
        call.out.done("granted role '" + role + "' to '" + name + "'"
                        + (expiresAt == null ? "" : " until " + Times.text(expiresAt)),
                Json.object("username", name, "role", role, "expiresAt", expiresAt));
    }

    static void revoke(Call call) {
        String role = RoleNames.check(call.invocation.argument(1));
        AccountView account = call.account(call.invocation.argument(0));
        String name = account.username();
        if (!call.realm().revokeRole(account.id(), role, call.actor)) {
            throw Failure.refused("'" + name + "' does not hold role '" + role + "'");
        }
        call.out.done("revoked role '" + role + "' from '" + name + "'",
                Json.object("username", name, "role", role, "revoked", true));
    }

    static void list(Call call) {
        AccountView account = call.account(call.invocation.argument(0));
        Instant now = call.now();
        List<Column<RoleGrant>> columns = List.of(
                new Column<>("ROLE", "role", RoleGrant::role),
                new Column<>("ACTIVE", "active", g -> g.activeAt(now)),
                new Column<>("EXPIRES", "expiresAt", RoleGrant::expiresAt),
                new Column<>("GRANTED", "grantedAt", RoleGrant::grantedAt),
                new Column<>("GRANTED BY", "grantedBy", RoleGrant::grantedBy));
        call.out.listing(Json.object("username", account.username(), "at", now), "grants", columns,
                call.realm().listGrants(account.id()));
    }
}
