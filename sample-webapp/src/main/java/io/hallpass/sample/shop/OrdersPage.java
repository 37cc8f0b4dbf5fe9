package io.hallpass.sample.shop;

import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.Html;
import io.hallpass.sample.web.Layout;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code /orders}. A customer sees her own orders with the card each was paid with; support sees every
 * customer's orders and their status, and no card data at all: not hidden, simply never written.
 */
public final class OrdersPage {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private OrdersPage() {
    }

    /**
     * @param own the viewer's own orders if she is a customer, else null
     * @param all every order if the viewer is support, else null
     */
    public static Html render(Chrome chrome, List<Order> own, List<Order> all) {
        Html ownSection = Html.EMPTY;
        if (own != null) {
            Html rows = own.isEmpty()
                    ? Html.trusted("<tr><td colspan=\"6\" class=\"empty\">No orders yet.</td></tr>")
                    : Html.each(own, o -> Html.format("""
                            <tr><td><strong>{}</strong></td><td>{}</td><td>{}</td><td class="num">{}</td><td>{}</td><td>{}</td></tr>""",
                            o.id(), DAY.format(o.placed()), String.join(", ", o.items()), Money.format(o.total()),
                            status(o.status()), o.card().masked()));
            ownSection = Html.format("""
                    <section class="card">
                      <h2>Your orders</h2>
                      <table class="table">
                        <thead><tr><th>Order</th><th>Placed</th><th>Items</th><th class="num">Total</th><th>Status</th><th>Paid with</th></tr></thead>
                        <tbody>{}</tbody>
                      </table>
                    </section>""", rows);
        }
        Html allSection = Html.EMPTY;
        if (all != null) {
            Html rows = Html.each(all, o -> Html.format("""
                    <tr><td><strong>{}</strong></td><td>{}</td><td>{}</td><td>{}</td><td class="num">{}</td><td>{}</td></tr>""",
                    o.id(), o.customer(), DAY.format(o.placed()), String.join(", ", o.items()),
                    Money.format(o.total()), status(o.status())));
            allSection = Html.format("""
                    <section class="card">
                      <h2>All customer orders</h2>
                      <p class="muted">Support view: status and contents only. Payment details are visible to the customer alone.</p>
                      <table class="table">
                        <thead><tr><th>Order</th><th>Customer</th><th>Placed</th><th>Items</th><th class="num">Total</th><th>Status</th></tr></thead>
                        <tbody>{}</tbody>
                      </table>
                    </section>""", rows);
        }
        Html main = Html.format("""
                <section class="page-head"><h1>Orders</h1>
                <p class="muted">Every order placed with Northwind, and where it is now.</p></section>
                {}{}""", ownSection, allSection);
        return Layout.page(chrome, "Orders", main);
    }

    static Html status(Order.Status status) {
        String tone = switch (status) {
            case PROCESSING -> "badge-warn";
            case SHIPPED -> "badge-info";
            case DELIVERED -> "badge-ok";
            case CANCELLED -> "badge-muted";
        };
        return Html.format("<span class=\"badge {}\">{}</span>", tone, status.label());
    }
}
