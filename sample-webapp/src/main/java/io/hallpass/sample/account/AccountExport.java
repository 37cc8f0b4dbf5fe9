package io.hallpass.sample.account;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.RoleGrant;
import io.hallpass.realm.SessionView;
import io.hallpass.sample.shop.Card;
import io.hallpass.sample.shop.Invoice;
import io.hallpass.sample.shop.Order;
import io.hallpass.sample.web.Json;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The content of {@code GET /account/export}: what the portal holds about one customer, as JSON. */
public final class AccountExport {

    private AccountExport() {
    }

    public static Map<String, Object> of(AccountView account, List<RoleGrant> grants, List<SessionView> sessions,
                                         String currentSessionId, List<Order> orders, List<Card> cards,
                                         List<Invoice> invoices, Instant now) {
        return Json.object(
                "exportedAt", now,
                "account", Json.object(
                        "username", account.username(),
                        "createdAt", account.createdAt(),
                        "passwordChangedAt", account.passwordChangedAt(),
                        "roles", grants.stream().map(g -> Json.object("role", g.role(), "grantedAt", g.grantedAt(),
                                "expiresAt", g.expiresAt(), "active", g.activeAt(now))).toList()),
                "orders", orders.stream().map(o -> Json.object(
                        "id", o.id(), "placed", o.placed().toString(), "items", o.items(), "total", o.total(),
                        "currency", "EUR", "status", o.status().label(), "paidWith", o.card().masked())).toList(),
                "paymentMethods", cards.stream().map(c -> Json.object(
                        "brand", c.brand(), "last4", c.last4(), "expiry", c.expiry())).toList(),
                "invoices", invoices.stream().map(i -> Json.object(
                        "number", i.number(), "issued", i.issued().toString(), "amount", i.amount(),
                        "paid", i.paid())).toList(),
                "sessions", SessionsPage.json(sessions, currentSessionId));
    }

    /** A file name for the download: {@code northwind-export-alice.json}, reduced to safe characters. */
    public static String fileName(String username) {
        String safe = username.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        if (safe.isBlank() || safe.length() > 64 || safe.replace("-", "").isEmpty()) {
            safe = "account";
        }
        return "northwind-export-" + safe + ".json";
    }
}
