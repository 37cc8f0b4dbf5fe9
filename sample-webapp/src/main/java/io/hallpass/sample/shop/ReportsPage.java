package io.hallpass.sample.shop;

import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.Html;
import io.hallpass.sample.web.Layout;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /reports/*}: the report index, sales by month, and orders by fulfilment state. */
public final class ReportsPage {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private ReportsPage() {
    }

    public static Html index(Chrome chrome) {
        Html main = Html.format("""
                <section class="page-head"><h1>Reports</h1>
                <p class="muted">Figures for finance and management. Updated nightly.</p></section>
                <section class="grid grid-2">
                  <a class="card card-link" href="{}"><h2>Sales</h2><p>Orders and revenue by month.</p><span class="more">Open →</span></a>
                  <a class="card card-link" href="{}"><h2>Fulfilment</h2><p>Where all orders stand today.</p><span class="more">Open →</span></a>
                </section>""", chrome.href("/reports/sales"), chrome.href("/reports/fulfilment"));
        return Layout.page(chrome, "Reports", main);
    }

    public static Html sales(Chrome chrome, List<DemoShop.MonthlySales> months) {
        BigDecimal max = months.stream().map(DemoShop.MonthlySales::revenue).max(BigDecimal::compareTo)
                .orElse(BigDecimal.ONE);
        BigDecimal total = months.stream().map(DemoShop.MonthlySales::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        int orders = months.stream().mapToInt(DemoShop.MonthlySales::orders).sum();
        Html rows = Html.each(months, m -> Html.format("""
                <tr><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="bar-cell"><span class="bar bar-{}"></span></td></tr>""",
                MONTH.format(m.month()), String.format(Locale.ENGLISH, "%,d", m.orders()), Money.format(m.revenue()),
                step(m.revenue(), max)));
        Html main = Html.format("""
                <nav class="crumbs"><a href="{}">Reports</a> › Sales</nav>
                <section class="page-head"><h1>Sales</h1></section>
                <section class="grid grid-3">
                  <div class="card stat"><p class="stat-label">Revenue, 6 months</p><p class="figure">{}</p></div>
                  <div class="card stat"><p class="stat-label">Orders</p><p class="figure">{}</p></div>
                  <div class="card stat"><p class="stat-label">Average order</p><p class="figure">{}</p></div>
                </section>
                <section class="card">
                  <table class="table">
                    <thead><tr><th>Month</th><th class="num">Orders</th><th class="num">Revenue</th><th class="bar-cell">&nbsp;</th></tr></thead>
                    <tbody>{}</tbody>
                  </table>
                </section>""",
                chrome.href("/reports"), Money.format(total), String.format(Locale.ENGLISH, "%,d", orders),
                Money.format(total.divide(BigDecimal.valueOf(Math.max(1, orders)), 2, RoundingMode.HALF_EVEN)), rows);
        return Layout.page(chrome, "Sales report", main);
    }

    public static Html fulfilment(Chrome chrome, Map<Order.Status, Integer> counts) {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        Html rows = Html.each(counts.entrySet(), e -> Html.format("""
                <tr><td>{}</td><td class="num">{}</td><td class="bar-cell"><span class="bar bar-{}"></span></td></tr>""",
                OrdersPage.status(e.getKey()), String.format(Locale.ENGLISH, "%,d", e.getValue()),
                step(BigDecimal.valueOf(e.getValue()), BigDecimal.valueOf(max))));
        Html main = Html.format("""
                <nav class="crumbs"><a href="{}">Reports</a> › Fulfilment</nav>
                <section class="page-head"><h1>Fulfilment</h1><p class="muted">All orders by state.</p></section>
                <section class="card">
                  <table class="table">
                    <thead><tr><th>State</th><th class="num">Orders</th><th class="bar-cell">&nbsp;</th></tr></thead>
                    <tbody>{}</tbody>
                  </table>
                </section>""", chrome.href("/reports"), rows);
        return Layout.page(chrome, "Fulfilment report", main);
    }

    /** A bar length in steps of 5 % (the stylesheet has a class per step: no inline styles under the CSP). */
    static int step(BigDecimal value, BigDecimal max) {
        if (max.signum() <= 0) {
            return 0;
        }
        int percent = value.multiply(BigDecimal.valueOf(100)).divide(max, 0, RoundingMode.HALF_UP).intValue();
        return Math.max(0, Math.min(100, Math.round(percent / 5f) * 5));
    }
}
