package io.hallpass.sample.shop;

import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.Html;
import io.hallpass.sample.web.Layout;
import io.hallpass.sample.web.Times;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** {@code /billing}: the customer's cards, invoices, store credit and the payout form. */
public final class BillingPage {

    private BillingPage() {
    }

    public static Html render(Chrome chrome, List<Card> cards, List<Invoice> invoices, BigDecimal available,
                              List<Payouts.Payout> payouts, Instant now) {
        Html cardList = cards.isEmpty()
                ? Html.trusted("<p class=\"empty\">No payment methods on file.</p>")
                : Html.format("<ul class=\"list\">{}</ul>", Html.each(cards, c -> Html.format("""
                        <li><span class="card-brand">{}</span> <span class="muted">expires {}</span> {}</li>""",
                        c.masked(), c.expiry(),
                        Html.when(c.preferred(), Html.trusted("<span class=\"badge badge-info\">Preferred</span>")))));
        Html invoiceRows = invoices.isEmpty()
                ? Html.trusted("<tr><td colspan=\"4\" class=\"empty\">No invoices.</td></tr>")
                : Html.each(invoices, i -> Html.format("""
                        <tr><td>{}</td><td>{}</td><td class="num">{}</td><td>{}</td></tr>""",
                        i.number(), OrdersPage.DAY.format(i.issued()), Money.format(i.amount()),
                        Html.trusted(i.paid() ? "<span class=\"badge badge-ok\">Paid</span>"
                                : "<span class=\"badge badge-warn\">Due</span>")));
        Html payoutRows = payouts.isEmpty() ? Html.EMPTY : Html.format("""
                <h3>Requested payouts</h3>
                <ul class="list">{}</ul>""", Html.each(payouts, p -> Html.format(
                "<li>{} <span class=\"muted\">requested {}</span></li>",
                Money.format(p.amount()), Times.element(p.requestedAt(), now))));
        Html main = Html.format("""
                <section class="page-head"><h1>Billing</h1>
                <p class="muted">Payment methods, invoices and store credit.</p></section>
                <div class="grid grid-2">
                  <section class="card">
                    <h2>Payment methods</h2>
                    {}
                  </section>
                  <section class="card">
                    <h2>Store credit</h2>
                    <p class="figure">{}</p>
                    <p class="muted">Available to pay out to your bank account.</p>
                    <form method="post" action="{}" class="row-form">
                      <label for="amount">Amount (€)</label>
                      <input id="amount" name="amount" type="text" inputmode="decimal" placeholder="25.00" required>
                      <button type="submit" class="button">Request payout</button>
                    </form>
                    <p class="hint">For your security we may ask for your password again before paying out.</p>
                    {}
                  </section>
                </div>
                <section class="card">
                  <h2>Invoices</h2>
                  <table class="table">
                    <thead><tr><th>Invoice</th><th>Issued</th><th class="num">Amount</th><th>Status</th></tr></thead>
                    <tbody>{}</tbody>
                  </table>
                </section>""",
                cardList, Money.format(available), chrome.href("/account/payout"), payoutRows, invoiceRows);
        return Layout.page(chrome, "Billing", main);
    }
}
