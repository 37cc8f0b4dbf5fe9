package io.hallpass.realm.admin;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.DuplicateUsernameException;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RoleNames;
import io.hallpass.realm.Usernames;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code accounts add|list|disable|enable|password}. */
final class AccountCommands {

    static final List<Column<AccountView>> COLUMNS = List.of(
            new Column<>("ID", "id", AccountView::id),
            new Column<>("USERNAME", "username", AccountView::username),
            new Column<>("ENABLED", "enabled", AccountView::enabled),
            new Column<>("ROLES", "roles", a -> List.copyOf(new TreeSet<>(a.roles()))),
            new Column<>("CREATED", "createdAt", AccountView::createdAt),
            new Column<>("PASSWORD SET", "passwordChangedAt", AccountView::passwordChangedAt));

    private AccountCommands() {
    }

    /** Checks the name and roles, refuses a taken name, then asks for the password (not before). */
    static void add(Call call) {
        String name = Usernames.normalise(call.invocation.argument(0));
        Set<String> roles = new LinkedHashSet<>();
        for (String role : call.invocation.values(Option.ROLE)) {
            roles.add(RoleNames.check(role));
        }
        Realm realm = call.realm();
        if (realm.findAccount(name).isPresent()) {
            throw new DuplicateUsernameException(name);
        }
        String password = call.passwords.newPassword(name, call.invocation.has(Option.PASSWORD_STDIN));
        AccountView account = realm.createAccount(name, password);
        for (String role : roles) {
            realm.grantRole(account.id(), role, null, call.actor);
        }
        AccountView created = realm.findAccount(account.id()).orElse(account);
        call.out.done("created account '" + name + "'" + (roles.isEmpty() ? "" : " with roles "
                + String.join(", ", roles)), Output.fields(COLUMNS, created));
    }

    static void list(Call call) {
        call.out.listing(Json.object(), "accounts", COLUMNS, call.realm().listAccounts());
    }

    static void setEnabled(Call call, boolean enabled) {
        AccountView account = call.account(call.invocation.argument(0));
        String name = account.username();
        if (account.enabled() == enabled) {
            throw Failure.refused("account '" + name + "' is already " + (enabled ? "enabled" : "disabled"));
        }
        if (!call.realm().setEnabled(account.id(), enabled, call.actor)) {
            throw Failure.refused("no account named '" + name + "'");
        }
        call.out.done(enabled ? "enabled account '" + name + "'"
                        : "disabled account '" + name + "' and ended its sessions",
                Json.object("username", name, "enabled", enabled));
    }

    static void password(Call call) {
        AccountView account = call.account(call.invocation.argument(0));
        String name = account.username();
        String password = call.passwords.newPassword(name, call.invocation.has(Option.PASSWORD_STDIN));
        if (!call.realm().setPassword(account.id(), password, call.actor)) {
            throw Failure.refused("no account named '" + name + "'");
        }
        call.out.done("set a new password for '" + name + "' and ended its sessions",
                Json.object("username", name, "passwordChanged", true));
    }
}
